/// What a re-import of a Movable Type backup met, in two temporary tables of the session's
/// connection (on disk, not in memory, at any size), and the statement that removes the imported
/// comments and pings of the posts met that the backup no longer holds.
final class VanishedCommentStatements {
    let markPost: Statement
    let markComment: Statement
    /// What refers to the vanished comments first, then the comments.
    let deleteVanished: [Statement]
    let forget: [Statement]

    init(database db: Database) throws {
        try db.executeSchema("""
            CREATE TEMP TABLE IF NOT EXISTS import_met_posts (post_id INTEGER PRIMARY KEY);
            CREATE TEMP TABLE IF NOT EXISTS import_met_comments (
                post_id INTEGER NOT NULL,
                source_id TEXT NOT NULL,
                PRIMARY KEY (post_id, source_id)
            )
            """)
        markPost = try db.statement("INSERT INTO import_met_posts (post_id) VALUES (?) ON CONFLICT (post_id) DO NOTHING")
        markComment = try db.statement("""
            INSERT INTO import_met_comments (post_id, source_id) VALUES (?, ?) ON CONFLICT (post_id, source_id) DO NOTHING
            """)
        // Only imported rows: pings the gateway received stay, as a changed post's do.
        let vanished = """
            SELECT id FROM comments WHERE origin = 'import'
                AND post_id IN (SELECT post_id FROM import_met_posts)
                AND NOT EXISTS (
                    SELECT 1 FROM import_met_comments
                    WHERE import_met_comments.post_id = comments.post_id AND import_met_comments.source_id = comments.source_id
                )
            """
        deleteVanished = try ForeignKeyActions.onDelete(of: "comments", keys: "IN (\(vanished))", in: db)
            + [db.statement("DELETE FROM comments WHERE id IN (\(vanished))")]
        forget = [try db.statement("DELETE FROM import_met_posts"), try db.statement("DELETE FROM import_met_comments")]
    }
}
