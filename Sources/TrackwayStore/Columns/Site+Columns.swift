import TrackwayCore

extension Site: StoredRecord {
    static let table = "sites"
    static var blank: Site { Site(sourceKey: "", format: .wxr) }
    static let hashTag = "site/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Site>>(_ visitor: inout Visitor, of record: Self) throws(Visitor.Failure) {
        try visitor.key("source_key", \.sourceKey, of: record)
        try visitor.column("format", \.format, of: record)
        try visitor.column("title", \.title, of: record)
        try visitor.column("link", \.link, of: record)
        try visitor.column("description", \.description, of: record)
        try visitor.column("language", \.language, of: record)
        try visitor.column("base_site_url", \.baseSiteURL, of: record)
        try visitor.column("base_blog_url", \.baseBlogURL, of: record)
        try visitor.column("wxr_version", \.wxrVersion, of: record)
        try visitor.column("generator", \.generator, of: record)
        try visitor.column("pub_date", \.pubDate, of: record)
        try visitor.column("time_zone", \.timeZone, of: record)
        try visitor.children(\.unknownElements, of: record)
    }
}
