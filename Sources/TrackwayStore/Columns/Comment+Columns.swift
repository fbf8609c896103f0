import TrackwayCore

extension Comment: StoredRecord {
    static let table = "comments"
    static let hashTag = "comment/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Comment>>(_ visitor: inout Visitor) throws(Visitor.Failure) {
        try visitor.key("source_id", \.sourceID)
        try visitor.derived("kind", \.kind)
        try visitor.column("comment_type", \.commentType)
        try visitor.column("author", \.author)
        try visitor.column("author_email", \.authorEmail)
        try visitor.column("author_url", \.authorURL)
        try visitor.column("author_ip", \.authorIP)
        try visitor.column("date", \.date)
        try visitor.column("date_gmt", \.dateGMT)
        try visitor.column("content", \.content)
        try visitor.column("approved", \.approved)
        try visitor.derived("status", \.status)
        try visitor.column("parent_source_id", \.parentSourceID)
        try visitor.column("user_id", \.userID)
        try visitor.children(\.meta)
        try visitor.column("source_title", \.sourceTitle)
        try visitor.column("blog_name", \.blogName)
    }
}
