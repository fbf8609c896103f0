/// The statements that find which stored post a Movable Type entry is, prepared when an MT site
/// that has rows already is first written to.
final class MovableTypeEntryStatements {
    let findPostByEntryID: Statement
    let findPostsByDate: Statement
    let nextOccurrence: Statement

    init(database db: Database) throws {
        // Each returns the columns of ImportStatements.findPost first (id, hash, seq), then the
        // row's occurrence.
        findPostByEntryID = try db.statement("""
            SELECT posts.id, posts.content_hash, posts.seq, posts.occurrence
            FROM post_source_fields JOIN posts ON posts.id = post_source_fields.post_id
            WHERE post_source_fields.key = 'ENTRY ID' AND post_source_fields.value = ? AND posts.site_id = ?
            ORDER BY post_source_fields.post_id LIMIT 1
            """)
        // The last column is 1 for a row a backup wrote (it has an entry id).
        findPostsByDate = try db.statement("""
            SELECT id, content_hash, seq, occurrence,
                CASE WHEN EXISTS (
                    SELECT 1 FROM post_source_fields WHERE post_id = posts.id AND key = 'ENTRY ID'
                ) THEN 1 ELSE 0 END
            FROM posts WHERE site_id = ? AND source_id = ? AND post_date = ? ORDER BY occurrence
            """)
        nextOccurrence = try db.statement("SELECT COALESCE(MAX(occurrence) + 1, 0) FROM posts WHERE site_id = ? AND source_id = ?")
    }
}
