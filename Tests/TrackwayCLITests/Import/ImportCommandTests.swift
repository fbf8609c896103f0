import Foundation
import Testing
import TrackwayTesting

@Suite("trackway import and stats, run as a user runs them")
struct ImportCommandTests {
    let samples = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples")

    /// Counts a WXR file with Python's ElementTree (Tests/Support/count_wxr.py), not with Trackway.
    func independentCounts(_ wxr: URL) throws -> [String: Int] {
        let script = CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Support/count_wxr.py")
        let result = try ChildProcess.tool("python3", [script.path, wxr.path])
        try #require(result.status == 0, "count_wxr.py failed: \(result.stderr)")
        return try CommandLineHarness.jsonObject(result.stdout).compactMapValues { $0 as? Int }
    }

    func stats(_ db: URL) throws -> [String: Int] {
        let result = try CommandLineHarness.trackway(["stats", "--db", db.path, "--json"])
        try #require(result.status == 0, "stats failed: \(result.stderr)")
        return try CommandLineHarness.jsonObject(result.stdout).compactMapValues { $0 as? Int }
    }

    @Test("the real WordPress 6.1.9 export imports with every post, page, comment, trackback and pingback")
    func peerBlogImportsExactly() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("peer.sqlite")
        let wxr = CommandLineHarness.fixtures.appendingPathComponent("wxr/wordpress-6.1/peer-blog.xml")
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, wxr.path])
        #expect(result.status == 0, "import failed: \(result.stderr)")
        let expected = try independentCounts(wxr)
        let actual = try stats(db)
        for (key, value) in expected {
            #expect(actual[key] == value, "\(key): expected \(value), stats says \(actual[key] ?? -1)")
        }
        #expect(try SQLiteFile(db).query("PRAGMA foreign_key_check") == "")
    }

    @Test("the bundled samples import: WordPress and Movable Type side by side")
    func samplesImport() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("samples.sqlite")
        let wxr = samples.appendingPathComponent("harbour-notes.wordpress.xml")
        let mt = samples.appendingPathComponent("lighthouse-log.mt.txt")
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, wxr.path, mt.path])
        #expect(result.status == 0, "import failed: \(result.stderr)")
        let wxrCounts = try independentCounts(wxr)
        // The Movable Type sample, counted by reading it: 3 entries by 2 authors, categories
        // Keeping, Weather, Maintenance and tags "fog horn", lamps, night, repairs, 2 comments, 3 pings.
        let mtCounts = ["sites": 1, "authors": 2, "terms": 7, "posts": 3, "comments": 2, "trackbacks": 3]
        let actual = try stats(db)
        for key in ["sites", "authors", "terms", "posts", "comments", "trackbacks"] {
            #expect(actual[key] == (wxrCounts[key] ?? 0) + (mtCounts[key] ?? 0), "\(key)")
        }
        for key in ["pages", "attachments", "pingbacks"] {
            #expect(actual[key] == wxrCounts[key], "\(key)")
        }
        // The import does not have SQLite enforce foreign keys: every row's parent must be there.
        #expect(try SQLiteFile(db).query("PRAGMA foreign_key_check") == "")
    }

    @Test("importing the same file twice changes nothing and says unchanged")
    func reimportIsIdempotent() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("twice.sqlite")
        let wxr = CommandLineHarness.fixtures.appendingPathComponent("wxr/wordpress-6.1/peer-blog.xml")
        let first = try CommandLineHarness.trackway(["import", "--db", db.path, "--json", wxr.path])
        try #require(first.status == 0, "first import failed: \(first.stderr)")
        let before = try SQLiteFile(db).content()
        let second = try CommandLineHarness.trackway(["import", "--db", db.path, "--json", wxr.path])
        try #require(second.status == 0, "second import failed: \(second.stderr)")
        #expect(try SQLiteFile(db).content() == before)
        let summary = try #require(try CommandLineHarness.jsonObject(second.stdout)["summary"] as? [String: Any])
        let posts = try #require(summary["posts"] as? [String: Any])
        #expect(posts["unchanged"] as? Int == 200)
        #expect(posts["added"] as? Int == 0)
        #expect(posts["updated"] as? Int == 0)
    }

    @Test("a post with thousands of comments imports whole and again unchanged; a file cut inside it leaves none of it")
    func postWithManyComments() throws {
        let directory = try TemporaryDirectory()
        let comments = (1...3_000).map {
            "<wp:comment><wp:comment_id>\($0)</wp:comment_id><wp:comment_author><![CDATA[Reader \($0)]]></wp:comment_author>"
                + "<wp:comment_content><![CDATA[Comment \($0)]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>"
        }
        let head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Popular</title><link>http://popular.example</link><wp:wxr_version>1.2</wp:wxr_version>
        <item><title>Quiet</title><wp:post_id>1</wp:post_id><wp:post_type>post</wp:post_type>\(comments[0])</item>
        <item><title>Giveaway</title><wp:post_id>2</wp:post_id><wp:post_type>post</wp:post_type>
        """
        let whole = directory.file("popular.xml")
        try (head + comments.joined(separator: "\n") + "\n</item>\n</channel></rss>\n").write(to: whole, atomically: true, encoding: .utf8)
        let expected = try independentCounts(whole)
        let db = directory.file("popular.sqlite")
        let first = try CommandLineHarness.trackway(["import", "--db", db.path, whole.path])
        try #require(first.status == 0, "import failed: \(first.stderr)")
        #expect(try stats(db)["comments"] == expected["comments"])
        #expect(expected["comments"] == 3_001)
        let before = try SQLiteFile(db).content()
        let second = try CommandLineHarness.trackway(["import", "--db", db.path, "--json", whole.path])
        try #require(second.status == 0, "second import failed: \(second.stderr)")
        #expect(try SQLiteFile(db).content() == before)
        let summary = try #require(try CommandLineHarness.jsonObject(second.stdout)["summary"] as? [String: Any])
        #expect((summary["comments"] as? [String: Any])?["unchanged"] as? Int == 3_001)

        // Cut after 2,000 comments of the second post: more than one piece went out, no end came.
        let cut = directory.file("cut.xml")
        try (head + comments.prefix(2_000).joined(separator: "\n") + "\n<wp:comment><wp:comment_id>").write(to: cut, atomically: true, encoding: .utf8)
        let cutDB = directory.file("cut.sqlite")
        let stopped = try CommandLineHarness.trackway(["import", "--db", cutDB.path, cut.path])
        #expect(stopped.status != 0)
        let counts = try stats(cutDB)
        #expect(counts["posts"] == 1)
        #expect(counts["comments"] == 1)
    }

    @Test("a truncated file stops with file, line and column; the items before it stay imported")
    func malformedFileReportsPosition() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("broken.sqlite")
        let source = try String(contentsOf: samples.appendingPathComponent("harbour-notes.wordpress.xml"), encoding: .utf8)
        // Cut the file inside the third item: the first two items are complete.
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = try #require(lines.indices.filter { lines[$0].contains("<item>") }.dropFirst(2).first)
        let truncated = directory.file("truncated.xml")
        try (lines[..<(cut + 5)].joined(separator: "\n") + "\n").write(to: truncated, atomically: true, encoding: .utf8)
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, truncated.path])
        #expect(result.status != 0)
        let lastLine = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(lastLine.contains("truncated.xml:"), "stderr: \(result.stderr)")
        #expect(lastLine.range(of: #"truncated\.xml:\d+:\d+"#, options: .regularExpression) != nil, "stderr: \(result.stderr)")
        #expect(try stats(db)["posts"] == 2)
    }

    @Test("--dry-run parses and validates without creating the database")
    func dryRunWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("never.sqlite")
        let result = try CommandLineHarness.trackway(["import", "--dry-run", "--db", db.path, samples.appendingPathComponent("harbour-notes.wordpress.xml").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db.path))
    }

    @Test("a file that is neither WXR nor Movable Type is refused with a one-line reason")
    func unknownFormatIsRefused() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("notes.txt")
        try "just some notes\nnothing to import\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandLineHarness.trackway(["import", "--db", directory.file("x.sqlite").path, file.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("notes.txt"))
    }

    @Test("a wrong path says what is wrong with it: a directory to import, a database that is another kind of file, a database's missing directory")
    func wrongPathsAreNamed() throws {
        let directory = try TemporaryDirectory()
        let sample = samples.appendingPathComponent("harbour-notes.wordpress.xml").path
        let folder = try CommandLineHarness.trackway(["import", "--db", directory.file("a.sqlite").path, directory.path])
        #expect(folder.status == 1)
        #expect(folder.stderr.contains("\(directory.path): cannot open the file (a directory)"), "\(folder.stderr)")
        #expect(folder.stdout.contains("ended with errors (below) in") && !folder.stdout.contains("done in"), "\(folder.stdout)")

        let notes = try directory.write("not a database\n", to: "notes.sqlite")
        let before = try Data(contentsOf: notes)
        for command in [["import", "--db", notes.path, sample], ["stats", "--db", notes.path]] {
            let result = try CommandLineHarness.trackway(command)
            #expect(result.status != 0)
            #expect(result.stderr.contains("cannot open database \(notes.path): the file is not a SQLite database"), "\(command[0]): \(result.stderr)")
        }
        #expect(try Data(contentsOf: notes) == before, "the file is left as it was")

        let missing = directory.file("no-such-folder/blog.sqlite")
        let nowhere = try CommandLineHarness.trackway(["import", "--db", missing.path, sample])
        #expect(nowhere.status != 0)
        #expect(nowhere.stderr.contains("cannot open database \(missing.path): its directory does not exist"), "\(nowhere.stderr)")
    }

    @Test("a file name that names nothing stops import and migrate before anything is made or imported")
    func missingFileStopsFirst() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        let typo = directory.file("harbour-notse.xml").path
        let sample = samples.appendingPathComponent("harbour-notes.wordpress.xml").path
        for command in [["import", "--db", db.path, sample, typo], ["migrate", "--db", db.path, "--output", directory.file("out.xml").path, sample, typo]] {
            let result = try CommandLineHarness.trackway(command)
            #expect(result.status == 64, "\(command[0]): \(result.stderr)")
            #expect(result.stderr.contains("\(typo): no such file; nothing was imported."), "\(command[0]): \(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "no database, no output")
    }
}
