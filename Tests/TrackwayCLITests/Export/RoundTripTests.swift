import Foundation
import Testing
import TrackwayTesting

@Suite("import, export, import again: nothing lost, nothing duplicated")
struct RoundTripTests {
    /// Everything a site holds, without row ids, in file order: what must survive a round trip.
    static let contentQueries = [
        "SELECT title, link, description, language, base_site_url, base_blog_url FROM sites ORDER BY id",
        "SELECT login, email, display_name, first_name, last_name, declared FROM authors ORDER BY site_id, seq",
        "SELECT taxonomy, slug, name, parent_slug, description, declared FROM terms ORDER BY site_id, taxonomy, slug",
        "SELECT t.taxonomy, t.slug, m.key, m.value FROM term_meta m JOIN terms t ON t.id = m.term_id ORDER BY t.taxonomy, t.slug, m.seq",
        """
        SELECT source_id, post_type, status, title, link, creator, guid, content, excerpt, post_date, post_date_gmt,
               modified, modified_gmt, comment_status, ping_status, slug, parent_source_id, menu_order, password,
               is_sticky, attachment_url FROM posts ORDER BY site_id, seq
        """,
        "SELECT p.source_id, t.taxonomy, t.slug, t.name FROM post_terms t JOIN posts p ON p.id = t.post_id ORDER BY p.seq, t.seq",
        "SELECT p.source_id, m.key, m.value FROM post_meta m JOIN posts p ON p.id = m.post_id ORDER BY p.seq, m.seq",
        """
        SELECT p.source_id, c.source_id, c.kind, c.comment_type, c.author, c.author_email, c.author_url, c.author_ip,
               c.date, c.date_gmt, c.content, c.approved, c.status, c.parent_source_id, c.user_id
        FROM comments c JOIN posts p ON p.id = c.post_id ORDER BY p.seq, c.seq
        """,
        "SELECT c.source_id, m.key, m.value FROM comment_meta m JOIN comments c ON c.id = m.comment_id ORDER BY c.id, m.seq",
        "SELECT u.url_key, u.kind FROM post_urls u JOIN posts p ON p.id = u.post_id ORDER BY u.url_key",
    ]

    static func content(_ db: URL) throws -> [String] {
        try contentQueries.map { query in
            try SQLiteFile(db).query(query)
        }
    }

    /// Imports `file`, exports it, checks the export is well-formed, imports the export into a
    /// fresh database; returns both databases.
    static func roundTrip(_ file: URL, in directory: TemporaryDirectory, extraImportArguments: [String] = []) throws -> (first: URL, second: URL, export: URL) {
        let first = directory.file("first.sqlite")
        let second = directory.file("second.sqlite")
        let export = directory.file("export.xml")
        let imported = try CommandLineHarness.trackway(["import", "--db", first.path] + extraImportArguments + [file.path])
        try #require(imported.status == 0, "import of \(file.lastPathComponent): \(imported.stderr)")
        let exported = try CommandLineHarness.trackway(["export", "--db", first.path, "--output", export.path])
        try #require(exported.status == 0, "export of \(file.lastPathComponent): \(exported.stderr)")
        let lint = try ChildProcess.tool("xmllint", ["--noout", export.path])
        #expect(lint.status == 0, "export of \(file.lastPathComponent) is not well-formed: \(lint.stderr)")
        let reimported = try CommandLineHarness.trackway(["import", "--db", second.path, export.path])
        try #require(reimported.status == 0, "re-import of \(file.lastPathComponent)'s export: \(reimported.stderr)")
        return (first, second, export)
    }

    @Test("WordPress exports survive a round trip row for row", arguments: [
        "wxr/wordpress-6.1/peer-blog.xml",
        "wxr/wordpress-importer/valid-wxr-1.1.xml",
        "wxr/wordpress-importer/small-export.xml",
        "wxr/wordpress-importer/crazy-cdata-escaped.xml",
        "wxr/wordpress-importer/slashes.xml",
        "wxr/wordpress-importer/test-serialized-postmeta-with-cdata.xml",
        "wxr/wordpress-importer/test-serialized-comment-meta.xml",
        "wxr/wordpress-importer/test-serialized-term-meta.xml",
        "wxr/wordpress-importer/post-content-blank-lines.xml",
        "wxr/wordpress-importer/wxr-with-sub-data.xml",
    ])
    func wordPressRoundTrip(fixture: String) throws {
        let directory = try TemporaryDirectory()
        let (first, second, _) = try Self.roundTrip(CommandLineHarness.fixtures.appendingPathComponent(fixture), in: directory)
        let before = try Self.content(first)
        let after = try Self.content(second)
        for (index, query) in Self.contentQueries.enumerated() {
            #expect(before[index] == after[index], "\(fixture): differs in \(query.prefix(60))")
        }
    }

    @Test("the bundled WordPress sample survives a round trip row for row")
    func sampleRoundTrip() throws {
        let sample = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples/harbour-notes.wordpress.xml")
        let directory = try TemporaryDirectory()
        let (first, second, _) = try Self.roundTrip(sample, in: directory)
        #expect(try Self.content(first) == Self.content(second))
    }

    @Test("a Movable Type blog leaves as WXR with every entry, comment and ping", arguments: [
        "Samples/lighthouse-log.mt.txt",
        "../shared/fixtures/mt/movabletypeparser-net/PostWithComments.txt",
        "../shared/fixtures/mt/movabletypeparser-net/PostWithPings.txt",
        "../shared/fixtures/mt/movabletypeparser-net/SimplePost.txt",
    ])
    func movableTypeLeavesAsWXR(file: String) throws {
        let path = CommandLineHarness.repositoryRoot.appendingPathComponent(file).standardized
        let directory = try TemporaryDirectory()
        let (first, second, export) = try Self.roundTrip(path, in: directory, extraImportArguments: ["--timezone", "Europe/Dublin"])
        let firstStats = try CommandLineHarness.jsonObject(try CommandLineHarness.trackway(["stats", "--db", first.path, "--json"]).stdout)
        let secondStats = try CommandLineHarness.jsonObject(try CommandLineHarness.trackway(["stats", "--db", second.path, "--json"]).stdout)
        for key in ["posts", "comments", "trackbacks", "authors", "terms"] {
            #expect(firstStats[key] as? Int == secondStats[key] as? Int, "\(file): \(key)")
        }
        let xml = try String(contentsOf: export, encoding: .utf8)
        // Pings stay trackbacks, and nothing that would make WordPress send pings is written.
        let pings = try SQLiteFile(first).query("SELECT count(*) FROM comments WHERE kind = 'trackback'")
        let trackbackTypes = xml.components(separatedBy: "<wp:comment_type><![CDATA[trackback]]></wp:comment_type>").count - 1
        #expect(String(trackbackTypes) == pings)
        #expect(!xml.contains("_pingme"))
        // Titles, local dates and bodies arrive unchanged (the extended body follows <!--more-->).
        let query = "SELECT title, post_date FROM posts ORDER BY seq"
        let titlesBefore = try SQLiteFile(first).query(query)
        let titlesAfter = try SQLiteFile(second).query(query)
        #expect(titlesBefore == titlesAfter)
        let bodies = "SELECT count(*) FROM posts WHERE length(content) > 0"
        let bodyCount = try SQLiteFile(first).query(bodies)
        #expect(try SQLiteFile(second).query(bodies) == bodyCount)
        // Each body arrives intact at the start of the exported content (the extended body follows <!--more-->).
        let pairs = try SQLiteFile(first).query("ATTACH '\(second.path)' AS second; SELECT count(*) FROM posts a JOIN second.posts b ON a.title = b.title AND a.post_date = b.post_date WHERE substr(b.content, 1, length(a.content)) = a.content")
        #expect(pairs == titlesBefore.split(separator: "\n").count.description)
    }

    @Test("export never writes _pingme, _encloseme or _trackbackme meta")
    func noPingTriggers() throws {
        let directory = try TemporaryDirectory()
        let source = try String(contentsOf: CommandLineHarness.repositoryRoot.appendingPathComponent("Samples/harbour-notes.wordpress.xml"), encoding: .utf8)
        let withTriggers = source.replacingOccurrences(of: "<wp:postmeta>\n\t\t\t<wp:meta_key><![CDATA[tide_table]]>", with: """
            <wp:postmeta><wp:meta_key><![CDATA[_pingme]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_encloseme]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
            <wp:postmeta><wp:meta_key><![CDATA[_trackbackme]]></wp:meta_key><wp:meta_value><![CDATA[1]]></wp:meta_value></wp:postmeta>
            <wp:postmeta>
            \t\t\t<wp:meta_key><![CDATA[tide_table]]>
            """)
        #expect(withTriggers != source)
        let file = directory.file("triggers.xml")
        try withTriggers.write(to: file, atomically: true, encoding: .utf8)
        let (first, _, export) = try Self.roundTrip(file, in: directory)
        let stored = try SQLiteFile(first).query("SELECT count(*) FROM post_meta WHERE key IN ('_pingme','_encloseme','_trackbackme')")
        #expect(stored == "3")
        let xml = try String(contentsOf: export, encoding: .utf8)
        #expect(!xml.contains("_pingme") && !xml.contains("_encloseme") && !xml.contains("_trackbackme"))
    }
}
