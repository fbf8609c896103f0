import Foundation
import Testing
import TrackwayTesting

/// `trackway rules` and `trackway pings` in one process, a running `trackway serve` in another:
/// the rules the CLI sets take effect at the door of every protocol, over 127.0.0.1.
@Suite struct SpamRulesCommandTests {
    private static let target = "http://harbour-notes.example/2026/04/mending-a-trawl-net/"
    private static let trackbackPath = "/2026/04/mending-a-trawl-net/trackback/"

    private static func importedDatabase(in directory: TemporaryDirectory) throws -> String {
        let db = directory.file("blog.sqlite").path
        try CommandLineHarness.importSample(into: db)
        return db
    }

    private static func rules(_ db: String, _ arguments: [String]) throws -> ProcessResult {
        let result = try CommandLineHarness.trackway(["rules"] + arguments + ["--db", db])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    private static func pings(_ db: String) throws -> [[String: Any]] {
        let listed = try CommandLineHarness.trackway(["pings", "--db", db, "list", "--json"])
        return (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test("rules set by the CLI reach a running serve: a disallowed key makes spam, hold-all keeps a linked-back trackback pending, a blocked host is refused by all three protocols with nothing stored")
    func rulesReachRunningServer() throws {
        let directory = try TemporaryDirectory()
        let db = try Self.importedDatabase(in: directory)
        let site = try TestSite()
        defer { site.stop() }
        let page = TestSite.Page(headers: [("Content-Type", "text/html")], body: "<title>Nets</title><p>On <a href=\"\(Self.target)\">mending</a>.</p>")
        try site.serve(["/spam.html": page, "/held.html": page])
        let server = try ServerProcess.start(database: URL(fileURLWithPath: db), arguments: ["--allow-private-sources", "--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        try server.waitForSpamRules(version: 0)

        _ = try Self.rules(db, ["add", "disallowed-keys", "Cheap Pills"])
        _ = try Self.rules(db, ["add", "blocked-hosts", "localhost"])
        _ = try Self.rules(db, ["set", "hold-all", "on"])
        try server.waitForSpamRules(version: 3)

        let spamSource = site.base + "/spam.html"
        let heldSource = site.base + "/held.html"
        for (source, excerpt) in [(spamSource, "cheap pills for nets"), (heldSource, "A fine post on nets")] {
            let sent = try ChildProcess.tool("curl", ["-s", "--data-urlencode", "url=\(source)", "--data-urlencode", "title=Nets",
                                                      "--data-urlencode", "excerpt=\(excerpt)", server.base + Self.trackbackPath])
            #expect(sent.stdout.contains("<error>0</error>"), "\(sent.stdout)")
        }
        var held: [String: Any] = [:]
        for _ in 0..<100 where held["verification"] as? String != "verified" {
            Thread.sleep(forTimeInterval: 0.1)
            held = try Self.pings(db).first { $0["sourceURL"] as? String == heldSource } ?? [:]
        }
        #expect(held["verification"] as? String == "verified", "the source was checked and links to the post")
        #expect(held["status"] as? String == "pending" && held["spamRule"] as? String == "hold-all", "\(held)")
        let spam = try #require(try Self.pings(db).first { $0["sourceURL"] as? String == spamSource })
        #expect(spam["status"] as? String == "spam" && spam["spamRule"] as? String == "disallowed-keys" && spam["spamRuleMatch"] as? String == "Cheap Pills", "\(spam)")

        let blocked = "http://localhost:9/citing/"
        let trackback = try ChildProcess.tool("curl", ["-s", "--data-urlencode", "url=\(blocked)", server.base + Self.trackbackPath])
        #expect(trackback.stdout.contains("<error>1</error>") && trackback.stdout.contains("Pings from localhost are not accepted here."), "\(trackback.stdout)")
        let pingback = try ChildProcess.tool("python3", ["-c", """
            import sys, xmlrpc.client
            try:
                xmlrpc.client.ServerProxy(sys.argv[1]).pingback.ping(sys.argv[2], sys.argv[3])
            except xmlrpc.client.Fault as fault:
                print(fault.faultCode, fault.faultString)
            """, server.base + "/xmlrpc.php", blocked, Self.target])
        #expect(pingback.stdout == "0 Pings from localhost are not accepted here.\n", "\(pingback.stdout)\(pingback.stderr)")
        let webmention = try ChildProcess.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "source=\(blocked)",
                                                        "--data-urlencode", "target=\(Self.target)", server.base + "/webmention"])
        #expect(webmention.stdout == "400")
        server.stop()
        #expect(try SQLiteFile(path: db).query("SELECT count(*) FROM comments WHERE author_url LIKE '%localhost%'") == "0")
        #expect(try SQLiteFile(path: db).query("SELECT count(*) FROM webmention_requests") == "0")

        let table = try CommandLineHarness.trackway(["pings", "list", "--db", db, "--status", "spam"])
        #expect(table.stdout.contains("\tspam\ttrackback\t-\tdisallowed-keys (Cheap Pills)\t"), "\(table.stdout)")
    }

    @Test("rules show prints what import-wordpress read from wp option list JSON and from pasted wp option get output")
    func importWordPress() throws {
        let directory = try TemporaryDirectory()
        let db = try Self.importedDatabase(in: directory)
        let json = directory.file("options.json")
        try Data("""
            [{"option_name":"siteurl","option_value":"http://old.example"},
             {"option_name":"blacklist_keys","option_value":"old key"},
             {"option_name":"disallowed_keys","option_value":"casino\\r\\nviagra"},
             {"option_name":"comment_max_links","option_value":"4"},
             {"option_name":"comment_moderation","option_value":""}]
            """.utf8).write(to: json)
        #expect(try Self.rules(db, ["import-wordpress", json.path]).stdout == "max-links\t4\ndisallowed-keys\t2 entries\nhold-all\t0\n")
        let pasted = directory.file("wp.txt")
        try Data("$ wp option get moderation_keys\nlink\n\nbuy now\n$ wp option get comment_moderation\n1\n".utf8).write(to: pasted)
        _ = try Self.rules(db, ["import-wordpress", pasted.path])
        let shown = try CommandLineHarness.jsonObject(try Self.rules(db, ["show", "--json"]).stdout)
        #expect(shown["max-links"] as? Int == 4 && shown["hold-all"] as? Bool == true)
        #expect(shown["disallowed-keys"] as? [String] == ["casino", "viagra"])
        #expect(shown["moderation-keys"] as? [String] == ["link", "buy now"])

        let plain = directory.file("plain.txt")
        try Data("no header here\n".utf8).write(to: plain)
        let refused = try CommandLineHarness.trackway(["rules", "import-wordpress", "--db", db, plain.path])
        #expect(refused.status != 0 && refused.stderr.contains("plain.txt: line 1: expected `wp option get NAME`"), "\(refused.stderr)")
        #expect(try Self.rules(db, ["import-wordpress", "--as", "moderation-keys", plain.path]).stdout == "moderation-keys\t1 entry\n")
        let notAHost = try CommandLineHarness.trackway(["rules", "import-wordpress", "--as", "blocked-hosts", "--db", db, plain.path])
        #expect(notAHost.status != 0 && notAHost.stderr.contains("plain.txt: blocked-hosts: line 1: 'no header here' is no host name or URL"), "\(notAHost.stderr)")
        let badNumber = try CommandLineHarness.trackway(["rules", "set", "max-links", "many", "--db", db])
        #expect(badNumber.status != 0 && badNumber.stderr.contains("max-links: expected a whole number"), "\(badNumber.stderr)")
    }
}
