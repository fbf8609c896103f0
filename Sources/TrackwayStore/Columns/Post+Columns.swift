import TrackwayCore

extension Post: StoredRecord {
    static let table = "posts"
    static var blank: Post { Post(sourceID: "") }
    static let hashTag = "post/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Post>>(_ visitor: inout Visitor, of record: Self) throws(Visitor.Failure) {
        try visitor.key("source_id", \.sourceID, of: record)
        try visitor.column("post_type", \.postType, of: record)
        try visitor.column("status", \.status, of: record)
        try visitor.column("title", \.title, of: record)
        try visitor.column("link", \.link, of: record)
        try visitor.column("pub_date", \.pubDate, of: record)
        try visitor.column("creator", \.creator, of: record)
        try visitor.column("guid", \.guid, of: record)
        try visitor.column("guid_is_permalink", \.guidIsPermaLink, of: record)
        try visitor.column("description", \.description, of: record)
        try visitor.column("content", \.content, of: record)
        try visitor.column("excerpt", \.excerpt, of: record)
        try visitor.column("post_date", \.postDate, of: record)
        try visitor.column("post_date_gmt", \.postDateGMT, of: record)
        try visitor.column("modified", \.modified, of: record)
        try visitor.column("modified_gmt", \.modifiedGMT, of: record)
        try visitor.column("comment_status", \.commentStatus, of: record)
        try visitor.column("ping_status", \.pingStatus, of: record)
        try visitor.column("slug", \.slug, of: record)
        try visitor.column("parent_source_id", \.parentSourceID, of: record)
        try visitor.column("menu_order", \.menuOrder, of: record)
        try visitor.column("password", \.password, of: record)
        try visitor.column("is_sticky", \.isSticky, of: record)
        try visitor.column("attachment_url", \.attachmentURL, of: record)
        try visitor.children(\.terms, of: record)
        try visitor.children(\.meta, of: record)
        try visitor.commentHashes()
        try visitor.children(\.unknownElements, of: record)
        try visitor.children(\.sourceFields, of: record)
        try visitor.children(\.legacyURLs, of: record)
        try visitor.column("replaced_characters", \.replacedCharacters, of: record)
    }
}
