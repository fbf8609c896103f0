import Foundation
import TrackwayTesting

/// The Movable Type backup fixtures, the oracle that counts them without Trackway, and a view of
/// a database that two imports can be compared by whatever their row ids.
enum MTBackupFixture {
    static let directory = CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Fixtures/mt-backup")
    /// A website with two blogs (`Tea & Leaves`, `Coffee Notes`).
    static let backup = directory.appendingPathComponent("tea-and-coffee-backup.xml")
    /// The same backup split in two documents and its manifest.
    static let manifest = directory.appendingPathComponent("split/Movable_Type-2011-04-01-09-30-00-Backup.manifest")
    /// MT's text export of `Tea & Leaves`, as MT names it (`dirify(blog name).txt`).
    static let textExport = directory.appendingPathComponent("tea_leaves.txt")

    /// What `Tests/Support/mt_backup_counts.py` counts in `backup` with Python's ElementTree.
    static func oracle(_ backup: URL) throws -> [String: Any] {
        let script = CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Support/mt_backup_counts.py")
        let result = try ChildProcess.tool("python3", [script.path, backup.path])
        guard result.status == 0 else { throw HarnessError(message: "mt_backup_counts.py failed: \(result.stderr)") }
        return try CommandLineHarness.jsonObject(result.stdout)
    }

    /// The database's sites, posts, terms, URLs, comments and ping targets, each row named by
    /// source keys and ids instead of row ids, sorted: equal for two databases that hold the same.
    static func view(_ database: URL) throws -> String {
        let file = SQLiteFile(database)
        let queries = [
            "SELECT source_key, title, link, time_zone FROM sites",
            "SELECT s.source_key, a.login, a.email, a.display_name FROM authors a JOIN sites s ON s.id = a.site_id",
            "SELECT s.source_key, t.taxonomy, t.slug, t.name, t.parent_slug FROM terms t JOIN sites s ON s.id = t.site_id",
            """
            SELECT s.source_key, p.source_id, p.post_type, p.status, p.title, p.post_date, p.post_date_gmt, p.content, p.comment_status, p.ping_status
            FROM posts p JOIN sites s ON s.id = p.site_id
            """,
            "SELECT p.source_id, t.taxonomy, t.slug FROM post_terms t JOIN posts p ON p.id = t.post_id",
            "SELECT p.source_id, u.url, u.kind FROM post_urls u JOIN posts p ON p.id = u.post_id",
            """
            SELECT p.source_id, c.source_id, c.kind, c.status, c.approved, c.parent_source_id, c.date, c.date_gmt, c.author,
                c.author_url, c.content FROM comments c JOIN posts p ON p.id = c.post_id
            """,
            """
            SELECT s.source_key, t.trackback_id, p.source_id, t.category_slug, t.is_disabled, t.passphrase
            FROM trackback_targets t JOIN sites s ON s.id = t.site_id LEFT JOIN posts p ON p.id = t.post_id
            """,
        ]
        return try queries.map { try file.query($0 + " ORDER BY 1, 2, 3") }.joined(separator: "\n==\n")
    }
}
