/// The statements that write what a Movable Type backup hands on after its posts (terms, URLs,
/// comments of a post written earlier, TrackBack ping targets), prepared when one first comes.
final class AttachmentStatements {
    let findEntryPostID: Statement
    let findTrackbackPostID: Statement
    let findImportedComment: Statement
    let findPostTerm: Statement
    let addPostURL: Statement
    let findTrackbackTarget: Statement
    let upsertTrackbackTarget: Statement

    init(database db: Database) throws {
        // Through the index of ENTRY ID fields alone, in its order (ordering by posts.id would
        // sort in a temporary b-tree on every row); of the post only its site is read, which
        // comes before its body (reading past it would walk the overflow pages of its text).
        findEntryPostID = try db.statement("""
            SELECT posts.id FROM post_source_fields JOIN posts ON posts.id = post_source_fields.post_id
            WHERE post_source_fields.key = 'ENTRY ID' AND post_source_fields.value = ? AND posts.site_id = ?
            ORDER BY post_source_fields.post_id LIMIT 1
            """)
        findTrackbackPostID = try db.statement("SELECT post_id FROM trackback_targets WHERE trackback_id = ? AND site_id = ?")
        findImportedComment = try db.statement("""
            SELECT id, source_id, content_hash, seq FROM comments
            WHERE post_id = ? AND source_id = ? AND origin = 'import'
            """)
        // The place after the post's own terms, and whether it has this one already. A query of
        // its own: an INSERT that selects from its own table copies the selection into a
        // temporary table first, which cost more than the insert.
        findPostTerm = try db.statement("""
            SELECT COALESCE(MAX(seq) + 1, 0), COALESCE(MAX(CASE WHEN taxonomy = ?2 AND slug = ?3 THEN 1 ELSE 0 END), 0)
            FROM post_terms WHERE post_id = ?1
            """)
        addPostURL = try db.statement("""
            INSERT INTO post_urls(url_key, post_id, url, kind, seq)
            VALUES (?1, ?2, ?3, 'legacy', (SELECT COALESCE(MAX(seq) + 1, 0) FROM post_urls WHERE post_id = ?2))
            ON CONFLICT DO NOTHING
            """)
        findTrackbackTarget = try db.statement("""
            SELECT post_id, category_slug, category_name, is_disabled, passphrase, title, url, description
            FROM trackback_targets WHERE site_id = ? AND trackback_id = ?
            """)
        upsertTrackbackTarget = try db.statement("""
            INSERT INTO trackback_targets(
                site_id, trackback_id, post_id, category_slug, category_name, is_disabled, passphrase, title, url, description
            ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(site_id, trackback_id) DO UPDATE SET
                post_id = excluded.post_id, category_slug = excluded.category_slug,
                category_name = excluded.category_name, is_disabled = excluded.is_disabled,
                passphrase = excluded.passphrase, title = excluded.title, url = excluded.url,
                description = excluded.description
            """)
    }
}
