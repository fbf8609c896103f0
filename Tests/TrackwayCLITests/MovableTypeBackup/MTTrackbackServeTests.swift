import Foundation
import Testing
import TrackwayTesting

/// Pings to a migrated Movable Type blog's old `mt-tb.cgi` URLs, sent with curl to `trackway
/// serve` after the backup import: each lands on the entry its trackback id names (never on the
/// entry whose id the number happens to be), or gets MT's own refusal.
@Suite struct MTTrackbackServeTests {
    private struct Sent {
        var body: String
        var landedOn: String
    }

    /// POSTs a ping from `source` to `path`; returns the answer and the post its stored ping is on.
    private func ping(_ server: ServerProcess, _ path: String, source: String, database: URL, extra: [String] = []) throws -> Sent {
        let sent = try ChildProcess.tool("curl", [
            "-s", "-d", "url=\(source)", "-d", "title=A reply", "-d", "blog_name=Sender", "-d", "excerpt=Hello",
        ] + extra + [server.base + path])
        let landed = try SQLiteFile(database).query("""
            SELECT p.source_id FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE c.origin = 'gateway' AND c.author_url = '\(source)'
            """)
        return Sent(body: sent.stdout, landedOn: landed)
    }

    private static func error(_ message: String) -> String {
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>1</error>\n<message>\(message)</message>\n</response>"
    }

    private static let success = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>0</error>\n</response>"

    @Test("curl -d to mt-tb.cgi/<tb_id> under any CGI path lands on the trackback row's entry, in either blog, with the passphrase when one is set")
    func pingsLandOnTheTrackbackRowsEntry() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, MTBackupFixture.backup.path]).status == 0)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }

        // Trackback 5 is entry 10's: the number in the URL is not the entry id.
        var sent = try ping(server, "/mt/mt-tb.cgi/5", source: "http://a.example.net/1", database: db)
        #expect(sent.body == Self.success)
        #expect(sent.landedOn == "first_brew")
        sent = try ping(server, "/cgi-bin/mt/mt-tb.cgi?tb_id=12", source: "http://a.example.net/2", database: db)
        #expect(sent.body == Self.success)
        #expect(sent.landedOn == "morning_espresso")
        sent = try ping(server, "/mt-tb.cgi/9/sesame", source: "http://a.example.net/3", database: db)
        #expect(sent.body == Self.success)
        #expect(sent.landedOn == "members_only")
        sent = try ping(server, "/mt/mt-tb.cgi?tb_id=9", source: "http://a.example.net/4", database: db, extra: ["-d", "pass=sesame"])
        #expect(sent.landedOn == "members_only")
        // MT answers a repeated ping with success and keeps one.
        sent = try ping(server, "/mt/mt-tb.cgi/5", source: "http://a.example.net/1", database: db)
        #expect(sent.body == Self.success)
        #expect(sent.landedOn == "first_brew")
        // Entry 10's own id names no trackback row: the ping does not land on entry 10.
        sent = try ping(server, "/mt/mt-tb.cgi/10", source: "http://a.example.net/5", database: db)
        #expect(sent.landedOn == "")
        #expect(sent.body.contains("<error>1</error>"))
    }

    @Test("a disabled target, an entry closed to pings, a category's target, a draft and a missing passphrase get MT's own texts and store nothing")
    func refusalsInMovableTypesWords() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, MTBackupFixture.backup.path]).status == 0)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        let cases = [
            ("/mt/mt-tb.cgi/11", "This TrackBack item is disabled."),
            ("/mt/mt-tb.cgi/6", "This TrackBack item is disabled."),
            ("/mt/mt-tb.cgi/3", "This TrackBack item is disabled."),
            ("/cgi-bin/mt-tb.cgi/8", "Invalid TrackBack ID '8'"),
            ("/mt/mt-tb.cgi/9", "This TrackBack item is protected by a passphrase."),
            ("/mt/mt-tb.cgi/9/wrong", "This TrackBack item is protected by a passphrase."),
        ]
        for (index, (path, message)) in cases.enumerated() {
            let sent = try ping(server, path, source: "http://refused.example.net/\(index)", database: db)
            #expect(sent.body == Self.error(message), "\(path)")
            #expect(sent.landedOn == "", "\(path)")
        }
        let missingURL = try ChildProcess.tool("curl", ["-s", "-d", "title=No URL", server.base + "/mt/mt-tb.cgi/5"])
        #expect(missingURL.stdout == Self.error("You need to provide a Source URL (url)."))
    }

    @Test("an MT entry's discovery page advertises its mt-tb.cgi/<tb_id> URL, as MT's templates did")
    func discoveryAdvertisesTheTrackbackID() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, MTBackupFixture.backup.path]).status == 0)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        let page = try ChildProcess.tool("curl", ["-s", server.base + "/tea/2009/01/first_brew.html"]).stdout
        #expect(page.contains("trackback:ping=\"\(server.base)/mt-tb.cgi/5\""), "\(page)")
        let other = try ChildProcess.tool("curl", ["-s", server.base + "/coffee/2009/03/morning_espresso.html"]).stdout
        #expect(other.contains("trackback:ping=\"\(server.base)/mt-tb.cgi/12\""), "\(other)")
    }
}
