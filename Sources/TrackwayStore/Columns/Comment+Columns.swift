import TrackwayCore

extension Comment: StoredRecord {
    static let table = "comments"
    static var blank: Comment { Comment(sourceID: "") }
    static let hashTag = "comment/1"

    @inline(__always)
    static func visitColumns<Visitor: RecordColumnVisitor<Comment>>(_ visitor: inout Visitor, of record: Self) throws(Visitor.Failure) {
        try visitor.key("source_id", \.sourceID, of: record)
        try visitor.derived("kind", \.kind, of: record)
        try visitor.column("comment_type", \.commentType, of: record)
        try visitor.column("author", \.author, of: record)
        try visitor.column("author_email", \.authorEmail, of: record)
        try visitor.column("author_url", \.authorURL, of: record)
        try visitor.column("author_ip", \.authorIP, of: record)
        try visitor.column("date", \.date, of: record)
        try visitor.column("date_gmt", \.dateGMT, of: record)
        try visitor.column("content", \.content, of: record)
        try visitor.column("approved", \.approved, of: record)
        try visitor.derived("status", \.status, of: record)
        try visitor.column("parent_source_id", \.parentSourceID, of: record)
        try visitor.column("user_id", \.userID, of: record)
        try visitor.children(\.meta, of: record)
        try visitor.column("source_title", \.sourceTitle, of: record)
        try visitor.column("blog_name", \.blogName, of: record)
    }
}
