import TrackwayCore

extension Store {
    /// Counts the rows of every site; comments count in every moderation state.
    public func stats() throws -> StoreStats {
        let sql = """
        SELECT
            (SELECT count(*) FROM sites),
            (SELECT count(*) FROM authors),
            (SELECT count(*) FROM terms),
            (SELECT count(*) FROM posts WHERE post_type = 'post'),
            (SELECT count(*) FROM posts WHERE post_type = 'page'),
            (SELECT count(*) FROM posts WHERE post_type = 'attachment'),
            (SELECT count(*) FROM posts WHERE post_type NOT IN ('post', 'page', 'attachment')),
            (SELECT count(*) FROM comments WHERE kind = ?),
            (SELECT count(*) FROM comments WHERE kind = ?),
            (SELECT count(*) FROM comments WHERE kind = ?),
            (SELECT count(*) FROM comments WHERE kind = ?)
        """
        let counted = try database.statement(sql).firstRow(
            CommentKind.comment.rawValue, CommentKind.trackback.rawValue,
            CommentKind.pingback.rawValue, CommentKind.webmention.rawValue
        )
        guard let row = counted else {
            return StoreStats()
        }
        var stats = StoreStats()
        stats.sites = row.int(0)
        stats.authors = row.int(1)
        stats.terms = row.int(2)
        stats.posts = row.int(3)
        stats.pages = row.int(4)
        stats.attachments = row.int(5)
        stats.otherItems = row.int(6)
        stats.comments = row.int(7)
        stats.trackbacks = row.int(8)
        stats.pingbacks = row.int(9)
        stats.webmentions = row.int(10)
        return stats
    }
}
