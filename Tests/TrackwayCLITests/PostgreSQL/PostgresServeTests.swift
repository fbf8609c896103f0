import Foundation
import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// `trackway serve` and `trackway ping --post` on a PostgreSQL database, through the built binary:
/// pings received once, the owner's console, and pings sent from a stored post, as on SQLite.
@Suite("Serving and sending on PostgreSQL", .enabled(if: TestPostgres.server != nil, Comment(rawValue: TestPostgres.skipReason)))
struct PostgresServeTests {
    typealias Page = TestSite.Page

    /// Runs `trackway` with `arguments`, requiring success.
    private static func trackway(_ arguments: [String], input: String = "") throws -> ProcessResult {
        let result = try ChildProcess.run(CommandLineHarness.trackwayBinary, arguments, input: Data(input.utf8))
        try #require(result.status == 0, "trackway \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// curl's output for `arguments` (silent).
    private static func curl(_ arguments: [String]) throws -> String {
        try ChildProcess.tool("curl", ["-s"] + arguments).stdout
    }

    @Test("a trackback and a pingback to a node on PostgreSQL are each stored once, and each repeat is refused as a duplicate")
    func pingsLandOnce() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        try await TwoNodeTests.importSample(into: database)
        let target = TwoNodeTests.posts[0]
        let site = try TestSite()
        defer { site.stop() }
        let citing = Page(headers: [("Content-Type", "text/html")], body: "<html><head><title>Citing</title></head><body><p><a href=\"\(target)\">a post</a></p></body></html>")
        try site.serve(["/tb": citing, "/pb": citing])
        let server = try await onOwnThread {
            try ServerProcess.start(db: database.url.description, arguments: ["--quiet", "--allow-private-sources"], log: folder.file("serve.log"))
        }
        defer { server.stop() }

        let trackbacks = try await onOwnThread {
            try (0..<2).map { number in
                try Self.curl([
                    "-H", "Host: harbour-notes.example", "--data-urlencode", "url=\(site.url("/tb"))", "--data-urlencode", "title=Citing \(number)",
                    server.base + (URL(string: target)?.path ?? "") + "/trackback/",
                ])
            }
        }
        #expect(trackbacks[0].contains("<error>0</error>"), "\(trackbacks[0])")
        #expect(trackbacks[1].lowercased() == (try ProtocolFixtures.text("trackback-error-duplicate.xml")).lowercased())

        let script = """
            import json, sys, xmlrpc.client
            endpoint, source, target = sys.argv[1:4]
            answers = []
            for _ in range(2):
                try:
                    answers.append({"result": xmlrpc.client.ServerProxy(endpoint).pingback.ping(source, target)})
                except xmlrpc.client.Fault as fault:
                    answers.append({"fault": [fault.faultCode, fault.faultString]})
            print(json.dumps(answers))
            """
        let pingbacks = try await onOwnThread { try TestPython.run(["-c", script, server.base + "/xmlrpc.php", site.url("/pb"), target]) }
        try #require(pingbacks.status == 0, "\(pingbacks.stderr)")
        let answers = try #require(try JSONSerialization.jsonObject(with: pingbacks.output) as? [[String: Any]])
        #expect(answers.first?["result"] as? String == "Pingback from \(site.url("/pb")) to \(target) registered. Keep the web talking! :-)")
        let fault = answers.last?["fault"] as? [Any]
        #expect(fault?.first as? Int == 48 && fault?.last as? String == "The pingback has already been registered.", "\(answers)")

        let received = try Store(location: .postgres(database.url)).pings().filter { $0.origin == "gateway" }
        #expect(received.map { "\($0.kind.rawValue) \($0.sourceURL)" }.sorted() == ["pingback \(site.url("/pb"))", "trackback \(site.url("/tb"))"])
        #expect(received.first { $0.kind == .trackback }?.sourceTitle == "Citing 0")
    }

    @Test("the owner sets the console's password on PostgreSQL, signs in, lists the queue and approves a pending ping; another node's public page shows it")
    func consoleApproval() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        try ConsoleSample.create(at: .postgres(database.url))
        let password = "north wall 1953"
        _ = try Self.trackway(["admin", "set-password", "--db", database.url.description], input: password + "\n")
        let nodes = try await onOwnThread {
            try ["a", "b"].map { name in
                try ServerProcess.start(db: database.url.description, arguments: ["--quiet"], log: folder.file("serve-\(name).log"))
            }
        }
        defer { for node in nodes { node.stop() } }
        let store = try Store(location: .postgres(database.url))
        func pingID(_ sourceID: String) throws -> Int {
            try #require(try store.database.statement("SELECT id FROM comments WHERE source_id = ? AND kind = 'trackback'").firstRow(sourceID)?.int(0))
        }
        let (approved, kept) = (try pingID("301"), try pingID("302"))
        let url = { (sourceID: String) in ConsoleSample.pending.first { $0.sourceID == sourceID }?.authorURL ?? "?" }
        let page = nodes[0].base + ConsoleSample.postPath
        let before = try Self.curl(["-f", page])
        #expect(!before.contains(url("301")) && !before.contains(url("302")))

        // The owner works on node b (TwoNodeTests signs in on one node and carries on on the other).
        let jar = folder.file("jar").path
        let login = nodes[1].base + "/trackway/admin/login"
        let form = try Self.curl(["-c", jar, "-b", jar, login])
        let loginToken = try #require(form.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)).1
        #expect(try Self.curl(["-c", jar, "-b", jar, "-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "csrf=\(loginToken)",
                               "--data-urlencode", "password=\(password)", login]) == "303")
        let queue = try Self.curl(["-c", jar, "-b", jar, "-f", nodes[1].base + "/trackway/admin/"])
        let rows = queue.matches(of: /<tr class="ping" data-id="(\d+)"/).compactMap { Int($0.1) }
        #expect(rows.contains(approved) && rows.contains(kept), "\(rows)")
        let token = try #require(queue.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/)).1
        #expect(try Self.curl(["-c", jar, "-b", jar, "-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "csrf=\(token)",
                               "--data-urlencode", "one=approve:\(approved)", "--data-urlencode", "return=/trackway/admin/",
                               nodes[1].base + "/trackway/admin/actions"]) == "303")

        let statuses = Dictionary(uniqueKeysWithValues: try store.pings().map { ($0.id, $0.status) })
        #expect(statuses[approved] == .approved && statuses[kept] == .pending)
        // Node a, which had the page, learns of node b's commit through the database and renders it anew.
        var after = ""
        for _ in 0..<100 {
            after = try Self.curl(["-f", page])
            if after.contains(url("301")) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(after.contains(url("301")) && !after.contains(url("302")))
    }

    @Test("ping --post on PostgreSQL sends to each link of the post once and records each attempt there; a second run skips what was pinged")
    func postPingsRecorded() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        let mySite = try TestSite()
        defer { mySite.stop() }
        let elsewhere = try TestSite()
        defer { elsewhere.stop() }
        try elsewhere.serve([
            "/mentions-welcome": Page(headers: [("Link", "</wm>; rel=webmention")]),
            "/wm": Page(status: 202),
            "/plain": Page(body: "<html><body>no endpoints</body></html>"),
        ])
        let permalink = mySite.base + "/blog/2024/05/mine/"
        let content = "<p>See <a href=\"\(elsewhere.base)/mentions-welcome\">this</a> and <a href=\"\(elsewhere.base)/plain\">that</a>.</p>"
        let wxr = folder.file("mine.xml")
        try PingTrackwayToTrackwayTests.wxr(blog: mySite.base + "/blog", title: "My blog", link: permalink, content: content)
            .write(to: wxr, atomically: true, encoding: .utf8)
        let db = database.url.description
        _ = try Self.trackway(["import", "--db", db, wxr.path])
        let store = try Store(location: .postgres(database.url))
        let postID = try #require(try store.database.statement("SELECT id FROM posts").firstRow()?.int(0))
        func recorded() throws -> [String] {
            try store.database.statement("SELECT target_url, outcome, pinged FROM outbound_pings ORDER BY target_url").rows()
                .map { "\($0.string(0))|\($0.string(1))|\($0.int(2))" }
        }

        let ping = ["ping", "--db", db, "--post", String(postID), "--allow-private-targets"]
        _ = try await onOwnThread { try Self.trackway(ping + ["--dry-run"]) }
        #expect(try recorded().isEmpty)
        #expect(try elsewhere.takeReceived().filter { $0["path"] as? String == "/wm" }.isEmpty)

        let sent = try await onOwnThread { try Self.trackway(ping + ["--json"]) }
        let results = try CommandLineHarness.jsonObject(sent.stdout)["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["result"] as? String ?? "" } == ["accepted", "no-endpoint"])
        let mentions = try elsewhere.takeReceived().filter { $0["path"] as? String == "/wm" }
        #expect(mentions.map { $0["form"] as? [String: String] ?? [:] } == [["source": permalink, "target": elsewhere.base + "/mentions-welcome"]])
        let expected = ["\(elsewhere.base)/mentions-welcome|accepted|1", "\(elsewhere.base)/plain|no-endpoint|0"]
        #expect(try recorded() == expected)

        let again = try await onOwnThread { try Self.trackway(ping) }
        #expect(again.stdout.contains("skipped     \(elsewhere.base)/mentions-welcome (already pinged)"))
        #expect(again.stdout.contains("\(elsewhere.base)/plain\tno-endpoint"))
        #expect(try elsewhere.takeReceived().filter { $0["path"] as? String == "/wm" }.isEmpty)
        #expect(try recorded() == expected)
    }
}
