import TrackwayCore

/// The prepared statements an import runs, prepared once per session.
///
/// Holding them here instead of asking `Database.statement(_:)` per row saves hashing the SQL
/// text for every row of a large import.
final class ImportStatements {
    let findSite: Statement
    let insertSite: Statement
    let updateSite: Statement
    let deleteSiteExtras: Statement
    let insertSiteExtra: Statement

    let findAuthor: Statement
    let insertAuthor: Statement
    let updateAuthor: Statement
    let updateAuthorSeq: Statement
    let findAuthorLogin: Statement
    let insertUndeclaredAuthor: Statement

    let findTerm: Statement
    let insertTerm: Statement
    let updateTerm: Statement
    let updateTermSeq: Statement
    let deleteTermMeta: Statement
    let insertTermMeta: Statement
    let insertUndeclaredTerm: Statement

    let findPost: Statement
    let insertPost: Statement
    let updatePost: Statement
    let updatePostSeq: Statement
    let deletePostTerms: Statement
    let deletePostMeta: Statement
    let deletePostSourceFields: Statement
    let deletePostExtras: Statement
    let deletePostURLs: Statement
    let insertPostTerm: Statement
    let insertPostMeta: Statement
    let insertPostSourceField: Statement
    let insertPostExtra: Statement
    let insertPostURL: Statement

    let findImportedComments: Statement
    let insertComment: Statement
    let updateComment: Statement
    let updateCommentSeq: Statement
    let deleteComment: Statement
    /// What the schema's foreign keys do to the rows referring to a deleted comment.
    let deleteCommentDependents: [Statement]
    let deleteCommentMeta: Statement
    let insertCommentMeta: Statement

    /// The columns bound after a record's own, in this order: its position, then its hash.
    private static let sequenced = ["seq", "content_hash"]
    /// Authors and terms an import writes are declared by the export, not only named by a post.
    private static let declared = (column: "declared", value: "1")

    init(database db: Database) throws {
        findSite = try db.statement("SELECT id, content_hash, generator FROM sites WHERE source_key = ?")
        insertSite = try db.statement(Site.insertSQL(leading: [], trailing: ["content_hash"]), returningID: true)
        updateSite = try db.statement(Site.updateSQL(trailing: ["content_hash"]))
        deleteSiteExtras = try db.statement("DELETE FROM site_extras WHERE site_id = ?")
        insertSiteExtra = try db.statement("INSERT INTO site_extras(site_id, seq, xml) VALUES (?, ?, ?)")

        findAuthor = try db.statement("SELECT id, content_hash, seq FROM authors WHERE site_id = ? AND login = ?")
        insertAuthor = try db.statement(Author.insertSQL(leading: ["site_id"], trailing: Self.sequenced, fixed: [Self.declared]))
        updateAuthor = try db.statement(Author.updateSQL(trailing: Self.sequenced, fixed: [Self.declared]))
        updateAuthorSeq = try db.statement("UPDATE authors SET seq = ? WHERE id = ?")
        findAuthorLogin = try db.statement("SELECT 1 FROM authors WHERE site_id = ? AND login = ?")
        insertUndeclaredAuthor = try db.statement(
            "INSERT INTO authors(site_id, login, declared) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")

        findTerm = try db.statement(
            "SELECT id, content_hash, seq FROM terms WHERE site_id = ? AND taxonomy = ? AND slug = ?")
        insertTerm = try db.statement(Term.insertSQL(leading: ["site_id"], trailing: Self.sequenced, fixed: [Self.declared]), returningID: true)
        updateTerm = try db.statement(Term.updateSQL(trailing: Self.sequenced, fixed: [Self.declared]))
        updateTermSeq = try db.statement("UPDATE terms SET seq = ? WHERE id = ?")
        deleteTermMeta = try db.statement("DELETE FROM term_meta WHERE term_id = ?")
        insertTermMeta = try db.statement("INSERT INTO term_meta(term_id, seq, key, value) VALUES (?, ?, ?, ?)")
        insertUndeclaredTerm = try db.statement(
            "INSERT INTO terms(site_id, taxonomy, slug, name, declared) VALUES (?, ?, ?, ?, 0) ON CONFLICT DO NOTHING")

        findPost = try db.statement(
            "SELECT id, content_hash, seq FROM posts WHERE site_id = ? AND source_id = ? AND occurrence = ?")
        // The occurrence is the row's place, not its content: it stays out of the content hash.
        insertPost = try db.statement(Post.insertSQL(leading: ["site_id", "occurrence"], trailing: Self.sequenced), returningID: true)
        updatePost = try db.statement(Post.updateSQL(trailing: Self.sequenced))
        updatePostSeq = try db.statement("UPDATE posts SET seq = ? WHERE id = ?")
        deletePostTerms = try db.statement("DELETE FROM post_terms WHERE post_id = ?")
        deletePostMeta = try db.statement("DELETE FROM post_meta WHERE post_id = ?")
        deletePostSourceFields = try db.statement("DELETE FROM post_source_fields WHERE post_id = ?")
        deletePostExtras = try db.statement("DELETE FROM post_extras WHERE post_id = ?")
        // Only the URL kinds an import writes: rows the gateway adds stay.
        deletePostURLs = try db.statement(
            "DELETE FROM post_urls WHERE post_id = ? AND kind IN ('link', 'guid', 'legacy', 'attachment')")
        insertPostTerm = try db.statement(
            "INSERT INTO post_terms(post_id, seq, taxonomy, slug, name) VALUES (?, ?, ?, ?, ?)")
        insertPostMeta = try db.statement("INSERT INTO post_meta(post_id, seq, key, value) VALUES (?, ?, ?, ?)")
        insertPostSourceField = try db.statement(
            "INSERT INTO post_source_fields(post_id, seq, key, value) VALUES (?, ?, ?, ?)")
        insertPostExtra = try db.statement("INSERT INTO post_extras(post_id, seq, xml) VALUES (?, ?, ?)")
        insertPostURL = try db.statement(
            "INSERT INTO post_urls(url_key, post_id, url, kind, seq) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")

        findImportedComments = try db.statement("""
            SELECT id, source_id, content_hash, seq FROM comments
            WHERE post_id = ? AND origin = 'import' AND source_id IS NOT NULL
            """)
        // A second comment with one source id in a post is a repeat in the export: refused
        // here, so a post with very many comments needs no set of their ids in memory.
        insertComment = try db.statement(
            Comment.insertSQL(leading: ["post_id"], trailing: Self.sequenced, fixed: [(column: "origin", value: "'import'")])
                + " ON CONFLICT(post_id, source_id) WHERE source_id IS NOT NULL DO NOTHING", returningID: true)
        updateComment = try db.statement(Comment.updateSQL(trailing: Self.sequenced))
        updateCommentSeq = try db.statement("UPDATE comments SET seq = ? WHERE id = ?")
        deleteComment = try db.statement("DELETE FROM comments WHERE id = ?")
        deleteCommentDependents = try ForeignKeyActions.onDelete(of: "comments", keys: "= ?", in: db)
        deleteCommentMeta = try db.statement("DELETE FROM comment_meta WHERE comment_id = ?")
        insertCommentMeta = try db.statement(
            "INSERT INTO comment_meta(comment_id, seq, key, value) VALUES (?, ?, ?, ?)")
    }
}
