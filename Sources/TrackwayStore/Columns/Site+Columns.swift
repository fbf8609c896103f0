import TrackwayCore

extension Site: StoredRecord {
    static let table = "sites"
    static let hashTag = "site/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Site>>(_ visitor: inout Visitor) throws(Visitor.Failure) {
        try visitor.key("source_key", \.sourceKey)
        try visitor.column("format", \.format)
        try visitor.column("title", \.title)
        try visitor.column("link", \.link)
        try visitor.column("description", \.description)
        try visitor.column("language", \.language)
        try visitor.column("base_site_url", \.baseSiteURL)
        try visitor.column("base_blog_url", \.baseBlogURL)
        try visitor.column("wxr_version", \.wxrVersion)
        try visitor.column("generator", \.generator)
        try visitor.column("pub_date", \.pubDate)
        try visitor.column("time_zone", \.timeZone)
        try visitor.children(\.unknownElements)
    }
}
