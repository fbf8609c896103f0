import TrackwayCore

/// The comments of one stored post, read from the database one at a time each time they are
/// asked for, so a post with hundreds of thousands of comments is never held whole.
///
/// Imported comments come in file order, with their meta. With `includeReceived`, pings the
/// gateway received follow them, oldest first, with an empty `sourceID` (they never had one)
/// and `approved` derived from their moderation state.
///
/// ```swift
/// try comments.forEach { comment in print(comment.author) }
/// ```
///
/// Valid only inside the `Store.forEachPost` call that handed it over.
public struct PostComments {
    let database: Database
    let postID: Int
    let includeReceived: Bool

    /// The comments' columns, then their origin and moderation state, then one entry of their
    /// meta (a comment with several entries comes in as many rows, one after the other).
    private static let sql: String = {
        let columns = Comment.columnNames.read.map { "c.\($0)" }.joined(separator: ", ")
        return """
        SELECT c.id, \(columns), c.origin, c.status, m.key, m.value
        FROM comments c LEFT JOIN comment_meta m ON m.comment_id = c.id
        WHERE c.post_id = ? AND (c.origin = 'import' OR ?)
        ORDER BY c.origin <> 'import', c.seq, c.id, m.seq
        """
    }()

    private static let originColumn = 1 + Comment.readColumnCount

    /// Calls `body` with each comment in order.
    public func forEach(_ body: (Comment) throws -> Void) throws {
        let origin = Self.originColumn
        var pending: Comment?
        var pendingID = 0
        try database.statement(Self.sql).forEachRow([postID, includeReceived]) { row in
            let id = row.int(0)
            if pending == nil || id != pendingID {
                if let finished = pending { try body(finished) }
                var comment = try Comment.read(row, from: 1, owner: "comment \(id)")
                if row.string(origin) != "import" {
                    comment.approved = (ModerationStatus(rawValue: row.string(origin + 1)) ?? .pending).wordPressApproved
                }
                pending = comment
                pendingID = id
            }
            if !row.isNull(origin + 2) {
                pending?.meta.append(MetaEntry(key: row.string(origin + 2), value: row.string(origin + 3)))
            }
        }
        if let last = pending { try body(last) }
    }
}
