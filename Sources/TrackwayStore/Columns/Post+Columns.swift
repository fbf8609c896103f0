import TrackwayCore

extension Post: StoredRecord {
    static let table = "posts"
    static let hashTag = "post/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Post>>(_ visitor: inout Visitor) throws(Visitor.Failure) {
        try visitor.key("source_id", \.sourceID)
        try visitor.column("post_type", \.postType)
        try visitor.column("status", \.status)
        try visitor.column("title", \.title)
        try visitor.column("link", \.link)
        try visitor.column("pub_date", \.pubDate)
        try visitor.column("creator", \.creator)
        try visitor.column("guid", \.guid)
        try visitor.column("guid_is_permalink", \.guidIsPermaLink)
        try visitor.column("description", \.description)
        try visitor.column("content", \.content)
        try visitor.column("excerpt", \.excerpt)
        try visitor.column("post_date", \.postDate)
        try visitor.column("post_date_gmt", \.postDateGMT)
        try visitor.column("modified", \.modified)
        try visitor.column("modified_gmt", \.modifiedGMT)
        try visitor.column("comment_status", \.commentStatus)
        try visitor.column("ping_status", \.pingStatus)
        try visitor.column("slug", \.slug)
        try visitor.column("parent_source_id", \.parentSourceID)
        try visitor.column("menu_order", \.menuOrder)
        try visitor.column("password", \.password)
        try visitor.column("is_sticky", \.isSticky)
        try visitor.column("attachment_url", \.attachmentURL)
        try visitor.children(\.terms)
        try visitor.children(\.meta)
        try visitor.commentHashes()
        try visitor.children(\.unknownElements)
        try visitor.children(\.sourceFields)
        try visitor.children(\.legacyURLs)
        try visitor.column("replaced_characters", \.replacedCharacters)
    }
}
