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
    let deleteCommentMeta: Statement
    let insertCommentMeta: Statement

    static let postColumns = """
        seq, post_type, status, title, link, pub_date, creator, guid, guid_is_permalink, description,
        content, excerpt, post_date, post_date_gmt, modified, modified_gmt, comment_status, ping_status,
        slug, parent_source_id, menu_order, password, is_sticky, attachment_url, replaced_characters,
        content_hash
        """

    static let commentColumns = """
        seq, kind, comment_type, author, author_email, author_url, author_ip, date, date_gmt, content,
        approved, status, parent_source_id, user_id, source_title, blog_name, content_hash
        """

    static let siteColumns = """
        format, title, link, description, language, base_site_url, base_blog_url, wxr_version,
        generator, pub_date, time_zone, content_hash
        """

    init(database db: Database) throws {
        findSite = try db.statement("SELECT id, content_hash FROM sites WHERE source_key = ?")
        insertSite = try db.statement(
            "INSERT INTO sites(source_key, \(Self.siteColumns)) VALUES (?, \(Self.placeholders(for: Self.siteColumns)))")
        updateSite = try db.statement("UPDATE sites SET \(Self.assignments(Self.siteColumns)) WHERE id = ?")
        deleteSiteExtras = try db.statement("DELETE FROM site_extras WHERE site_id = ?")
        insertSiteExtra = try db.statement("INSERT INTO site_extras(site_id, seq, xml) VALUES (?, ?, ?)")

        findAuthor = try db.statement("SELECT id, content_hash, seq FROM authors WHERE site_id = ? AND login = ?")
        insertAuthor = try db.statement("""
            INSERT INTO authors(site_id, source_id, login, email, display_name, first_name, last_name,
                declared, seq, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """)
        updateAuthor = try db.statement("""
            UPDATE authors SET source_id = ?, email = ?, display_name = ?, first_name = ?, last_name = ?,
                declared = 1, seq = ?, content_hash = ? WHERE id = ?
            """)
        updateAuthorSeq = try db.statement("UPDATE authors SET seq = ? WHERE id = ?")
        findAuthorLogin = try db.statement("SELECT 1 FROM authors WHERE site_id = ? AND login = ?")
        insertUndeclaredAuthor = try db.statement(
            "INSERT OR IGNORE INTO authors(site_id, login, declared) VALUES (?, ?, 0)")

        findTerm = try db.statement(
            "SELECT id, content_hash, seq FROM terms WHERE site_id = ? AND taxonomy = ? AND slug = ?")
        insertTerm = try db.statement("""
            INSERT INTO terms(site_id, source_id, taxonomy, slug, name, parent_slug, description,
                declared, seq, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
            """)
        updateTerm = try db.statement("""
            UPDATE terms SET source_id = ?, name = ?, parent_slug = ?, description = ?, declared = 1,
                seq = ?, content_hash = ? WHERE id = ?
            """)
        updateTermSeq = try db.statement("UPDATE terms SET seq = ? WHERE id = ?")
        deleteTermMeta = try db.statement("DELETE FROM term_meta WHERE term_id = ?")
        insertTermMeta = try db.statement("INSERT INTO term_meta(term_id, seq, key, value) VALUES (?, ?, ?, ?)")
        insertUndeclaredTerm = try db.statement(
            "INSERT OR IGNORE INTO terms(site_id, taxonomy, slug, name, declared) VALUES (?, ?, ?, ?, 0)")

        findPost = try db.statement("SELECT id, content_hash, seq FROM posts WHERE site_id = ? AND source_id = ?")
        insertPost = try db.statement(
            "INSERT INTO posts(site_id, source_id, \(Self.postColumns)) VALUES (?, ?, \(Self.placeholders(for: Self.postColumns)))")
        updatePost = try db.statement("UPDATE posts SET \(Self.assignments(Self.postColumns)) WHERE id = ?")
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
            "INSERT OR IGNORE INTO post_urls(url_key, post_id, url, kind, seq) VALUES (?, ?, ?, ?, ?)")

        findImportedComments = try db.statement("""
            SELECT id, source_id, content_hash, seq FROM comments
            WHERE post_id = ? AND origin = 'import' AND source_id IS NOT NULL
            """)
        // A second comment with one source id in a post is a repeat in the export: refused
        // here, so a post with very many comments needs no set of their ids in memory.
        insertComment = try db.statement("""
            INSERT INTO comments(post_id, source_id, origin, \(Self.commentColumns))
            VALUES (?, ?, 'import', \(Self.placeholders(for: Self.commentColumns)))
            ON CONFLICT(post_id, source_id) WHERE source_id IS NOT NULL DO NOTHING
            """)
        updateComment = try db.statement("UPDATE comments SET \(Self.assignments(Self.commentColumns)) WHERE id = ?")
        updateCommentSeq = try db.statement("UPDATE comments SET seq = ? WHERE id = ?")
        deleteComment = try db.statement("DELETE FROM comments WHERE id = ?")
        deleteCommentMeta = try db.statement("DELETE FROM comment_meta WHERE comment_id = ?")
        insertCommentMeta = try db.statement(
            "INSERT INTO comment_meta(comment_id, seq, key, value) VALUES (?, ?, ?, ?)")
    }

    private static func placeholders(for columns: String) -> String {
        Array(repeating: "?", count: columns.split(separator: ",").count).joined(separator: ", ")
    }

    private static func assignments(_ columns: String) -> String {
        columns.split(separator: ",")
            .map { "\(String($0).trimmingWhitespace()) = ?" }
            .joined(separator: ", ")
    }
}
