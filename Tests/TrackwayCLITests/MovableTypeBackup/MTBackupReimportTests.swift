import Foundation
import Testing
import TrackwayTesting

/// `trackway import` of a later backup of the same blog, of a backup with MT's text export when
/// two entries share a basename, and of a backup of several blogs under `--site-key`.
@Suite struct MTBackupReimportTests {
    private func importFile(_ database: URL, _ file: URL, _ extra: [String] = []) throws -> String {
        let result = try CommandLineHarness.trackway(["import", "--db", database.path] + extra + [file.path])
        guard result.status == 0 else { throw HarnessError(message: "import of \(file.lastPathComponent) failed: \(result.stderr)") }
        return result.stdout + result.stderr
    }

    private func commentsOfFirstBrew(_ database: URL) throws -> String {
        try SQLiteFile(database).query("""
            SELECT c.source_id, c.status, c.origin FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE p.source_id = 'first_brew' ORDER BY c.source_id
            """)
    }

    @Test("a comment and a ping deleted in MT leave the database when the later backup is imported, as a comment removed from a WXR file does; a received ping stays")
    func vanishedCommentsAreRemoved() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        _ = try importFile(db, MTBackupFixture.backup)
        try SQLiteFile(db).query("""
            INSERT INTO comments(post_id, kind, comment_type, author_url, content, approved, status, origin, received_via)
            SELECT id, 'trackback', 'trackback', 'http://later.example.net/', 'Received later', '1', 'approved', 'received', 'mt-tb'
            FROM posts WHERE source_id = 'first_brew';
            INSERT INTO notification_queue(comment_id, payload) SELECT id, '{}' FROM comments WHERE source_id = '6';
            INSERT INTO verification_queue(comment_id) SELECT id FROM comments WHERE source_id = 'tbping-2'
            """)
        let original = try String(contentsOf: MTBackupFixture.backup, encoding: .utf8)
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        let later = lines.filter { !$0.hasPrefix("<comment id='6' ") && !$0.hasPrefix("<tbping id='2' ") }
        try #require(later.count == lines.count - 2, "the fixture must hold comment 6 and tbping 2 of first_brew")
        let laterBackup = directory.file("later-backup.xml")
        try later.joined(separator: "\n").write(to: laterBackup, atomically: true, encoding: .utf8)

        _ = try importFile(db, laterBackup)
        #expect(try commentsOfFirstBrew(db) == """
            |approved|received
            1|approved|import
            2|approved|import
            3|pending|import
            4|spam|import
            tbping-1|approved|import
            tbping-3|spam|import
            """)
        // What referred to them went with them, as the schema's foreign keys say.
        #expect(try SQLiteFile(db).query("SELECT (SELECT count(*) FROM notification_queue) + (SELECT count(*) FROM verification_queue)") == "0")
        #expect(try SQLiteFile(db).query("PRAGMA foreign_key_check") == "")
        // The other blog's comment, and the posts, are untouched.
        #expect(try SQLiteFile(db).query("SELECT count(*) FROM comments WHERE source_id = '5'") == "1")
        #expect(try SQLiteFile(db).query("SELECT count(*) FROM posts") == "12")

        // The whole backup again brings them back.
        _ = try importFile(db, MTBackupFixture.backup)
        #expect(try SQLiteFile(db).query("""
            SELECT group_concat(coalesce(c.source_id, 'received'), ',') FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE p.source_id = 'first_brew'
            """).split(separator: ",").sorted() == ["1", "2", "3", "4", "6", "received", "tbping-1", "tbping-2", "tbping-3"])
    }

    /// A blog whose two entries share the basename `hello` (January and February), with a
    /// comment each.
    private static let sharedBasenameBackup = """
        <?xml version='1.0'?>
        <movabletype xmlns='http://www.sixapart.com/ns/movabletype' schema_version='5.0036'>
        <blog id='2' class='blog' name='Shared Names' site_url='http://names.example/' server_offset='0'/>
        <author id='1' name='melody' nickname='Melody' email='melody@example.com'/>
        <entry id='8' class='entry' blog_id='2' author_id='1' status='2' allow_comments='1' allow_pings='1' basename='hello' title='Hello in February' authored_on='20090215093000'><text>February.</text></entry>
        <comment id='2' blog_id='2' entry_id='8' author='Bea' visible='1' junk_status='1' parent_id='0' created_on='20090216100000'><text>On February.</text></comment>
        </movabletype>
        """

    /// MT's text export of the same blog made before the January entry was deleted: it has both.
    private static let sharedBasenameTextExport = """
        AUTHOR: melody
        TITLE: Hello in January
        BASENAME: hello
        STATUS: Publish
        ALLOW COMMENTS: 1
        ALLOW PINGS: 1
        DATE: 01/15/2009 09:30:00 AM
        -----
        BODY:
        January.
        -----

        COMMENT:
        AUTHOR: Ann
        DATE: 01/16/2009 10:00:00 AM
        On January.
        -----

        --------
        AUTHOR: melody
        TITLE: Hello in February
        BASENAME: hello
        STATUS: Publish
        ALLOW COMMENTS: 1
        ALLOW PINGS: 1
        DATE: 02/15/2009 09:30:00 AM
        -----
        BODY:
        February.
        -----

        COMMENT:
        AUTHOR: Bea
        DATE: 02/16/2009 10:00:00 AM
        On February.
        -----

        --------

        """

    @Test("the text export and the backup match entries by basename and date: two entries sharing a basename in different months stay two, in either order, the backup's winning for its own")
    func entriesSharingABasenameMatchByDate() throws {
        let directory = try TemporaryDirectory()
        let backup = directory.file("Movable_Type-2009-03-01-Backup.xml")
        let text = directory.file("shared_names.txt")
        try Self.sharedBasenameBackup.write(to: backup, atomically: true, encoding: .utf8)
        try Self.sharedBasenameTextExport.write(to: text, atomically: true, encoding: .utf8)
        let backupFirst = directory.file("backup-first.sqlite"), textFirst = directory.file("text-first.sqlite")
        _ = try importFile(backupFirst, backup)
        _ = try importFile(backupFirst, text)
        _ = try importFile(textFirst, text)
        _ = try importFile(textFirst, backup)

        let expected = """
            2009-01-15 09:30:00|Hello in January|On January.
            2009-02-15 09:30:00|Hello in February|2|On February.
            """
        for db in [backupFirst, textFirst] {
            let file = SQLiteFile(db)
            #expect(try file.query("SELECT s.source_key FROM sites s") == "mt:shared_names")
            #expect(try file.query("""
                SELECT p.post_date, p.title, group_concat(CASE WHEN c.source_id GLOB '[0-9]*' THEN c.source_id || '|' ELSE '' END || c.content, ',')
                FROM posts p LEFT JOIN comments c ON c.post_id = p.id WHERE p.source_id = 'hello'
                GROUP BY p.id ORDER BY p.post_date
                """) == expected)
        }
        // The two posts share their view's sort keys (site, source id, type): compare the lines.
        #expect(try MTBackupFixture.view(backupFirst).split(separator: "\n").sorted()
            == MTBackupFixture.view(textFirst).split(separator: "\n").sorted())
    }

    @Test("--site-key with a backup of several blogs is the prefix of each blog's site key, with no warning")
    func siteKeyPrefixesSeveralBlogs() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        let output = try importFile(db, MTBackupFixture.backup, ["--site-key", "acme"])
        #expect(try SQLiteFile(db).query("SELECT source_key FROM sites ORDER BY id") == "acme:example_website\nacme:tea_leaves\nacme:coffee_notes")
        #expect(!output.contains("--site-key"))
    }
}
