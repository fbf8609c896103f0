import Foundation
import Testing
import TrackwayTesting

/// A webmention received by a real `trackway serve`, then seen through the other commands.
@Suite struct WebmentionCommandTests {
    private static let target = "http://harbour-notes.example/2026/04/mending-a-trawl-net/"

    @Test("a webmention received by trackway serve is listed, moderated, counted and exported by the CLI")
    func receivedWebmention() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite").path
        try CommandLineHarness.importSample(into: db)
        let before = try Self.stats(db)

        let site = try TestSite()
        defer { site.stop() }
        try site.serve(["/reply.html": TestSite.Page(
            headers: [("Content-Type", "text/html")],
            body: "<title>Net notes</title><p>Good advice on <a href=\"\(Self.target)\">mending</a>.</p>"
        )])
        let server = try ServerProcess.start(
            database: URL(fileURLWithPath: db), arguments: ["--allow-private-sources", "--quiet"],
            log: directory.file("serve.log")
        )
        defer { server.kill9() }
        let base = server.base

        let source = site.base + "/reply.html"
        let posted = try ChildProcess.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %header{location}",
                                                          "--data-urlencode", "source=\(source)", "--data-urlencode", "target=\(Self.target)", base + "/webmention"])
        let parts = posted.stdout.split(separator: " ").map(String.init)
        try #require(parts.count == 2 && parts[0] == "201", "\(posted.stdout)")
        var state = "queued"
        for _ in 0..<100 where state == "queued" {
            Thread.sleep(forTimeInterval: 0.1)
            let page = try ChildProcess.tool("curl", ["-s", parts[1]])
            state = (try CommandLineHarness.jsonObject(page.stdout)["status"] as? String) ?? ""
        }
        #expect(state == "accepted")

        let listed = try CommandLineHarness.trackway(["pings", "--db", db, "list", "--json"])
        let pings = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []
        let mention = try #require(pings.first { $0["sourceURL"] as? String == source }, "\(listed.stdout)")
        #expect(mention["kind"] as? String == "webmention" && mention["status"] as? String == "approved")
        let id = try #require(mention["id"] as? Int)
        #expect(try Self.stats(db) == before + 1)
        let table = try CommandLineHarness.trackway(["stats", "--db", db])
        #expect(table.stdout.contains("webmentions \(before + 1)\n"))

        #expect(try CommandLineHarness.trackway(["pings", "--db", db, "spam", String(id)]).stdout == "1 ping(s) marked spam\n")
        let spam = try CommandLineHarness.trackway(["pings", "--db", db, "list", "--status", "spam"])
        #expect(spam.stdout.contains("\(id)\tspam\twebmention\tverified"))
        let withoutSpam = directory.file("without-spam.xml")
        try #require(try CommandLineHarness.trackway(["export", "--db", db, "--include-received", "--output", withoutSpam.path]).status == 0)
        #expect(!(try String(contentsOf: withoutSpam, encoding: .utf8)).contains(source))

        #expect(try CommandLineHarness.trackway(["pings", "--db", db, "approve", String(id)]).stdout == "1 ping(s) marked approved\n")
        let exported = directory.file("export.xml")
        try #require(try CommandLineHarness.trackway(["export", "--db", db, "--include-received", "--output", exported.path]).status == 0)
        let comment = try Self.exportedComment(exported, authorURL: source)
        #expect(comment.contains("<wp:comment_type><![CDATA[webmention]]></wp:comment_type>"), "\(comment)")
        #expect(comment.contains("<wp:comment_approved><![CDATA[1]]></wp:comment_approved>"))
        #expect(comment.contains("<wp:comment_author><![CDATA[Net notes]]></wp:comment_author>"))
        #expect(comment.contains("<wp:meta_key><![CDATA[protocol]]></wp:meta_key>") && comment.contains("<wp:meta_value><![CDATA[webmention]]></wp:meta_value>"))
        #expect(comment.contains("<wp:meta_value><![CDATA[\(Self.target)]]></wp:meta_value>"))
        let plain = directory.file("plain.xml")
        try #require(try CommandLineHarness.trackway(["export", "--db", db, "--output", plain.path]).status == 0)
        #expect(!(try String(contentsOf: plain, encoding: .utf8)).contains(source))

        #expect(try CommandLineHarness.trackway(["pings", "--db", db, "delete", String(id)]).stdout == "1 ping(s) deleted\n")
        #expect(try Self.stats(db) == before)
    }

    /// The `webmentions` field of `trackway stats --json`.
    private static func stats(_ db: String) throws -> Int {
        let result = try CommandLineHarness.trackway(["stats", "--db", db, "--json"])
        return try #require(try CommandLineHarness.jsonObject(result.stdout)["webmentions"] as? Int)
    }

    /// The `<wp:comment>` element whose author URL is `authorURL`, as text.
    private static func exportedComment(_ file: URL, authorURL: String) throws -> String {
        let text = try String(contentsOf: file, encoding: .utf8)
        let comments = text.components(separatedBy: "<wp:comment>").dropFirst().map { $0.components(separatedBy: "</wp:comment>")[0] }
        return try #require(comments.first { $0.contains("<wp:comment_author_url>\(authorURL)</wp:comment_author_url>") })
    }
}
