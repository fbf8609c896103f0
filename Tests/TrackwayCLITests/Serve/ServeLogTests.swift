import Foundation
import Testing
import TrackwayTesting

/// What `trackway serve` writes to its log, with and without `--quiet`.
@Suite struct ServeLogTests {
    private static let target = "http://harbour-notes.example/2026/04/mending-a-trawl-net/"

    @Test("logs a line per request and per background check, and --quiet silences both but not the start line",
          arguments: [false, true])
    func activityLines(quiet: Bool) throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite").path
        try CommandLineHarness.importSample(into: db)
        let site = try TestSite()
        defer { site.stop() }
        try site.serve(["/citing.html": TestSite.Page(
            headers: [("Content-Type", "text/html")],
            body: "<title>Nets</title><p>On <a href=\"\(Self.target)\">mending</a>.</p>"
        )])
        let server = try ServerProcess.start(
            database: URL(fileURLWithPath: db), arguments: ["--allow-private-sources"] + (quiet ? ["--quiet"] : []),
            log: directory.file("serve.log")
        )
        defer { server.stop() }

        let source = site.base + "/citing.html"
        let answer = try ChildProcess.tool("curl", ["-s", "--data-urlencode", "url=\(source)", "--data-urlencode", "title=Nets",
                                                          server.base + "/2026/04/mending-a-trawl-net/trackback/"])
        try #require(answer.stdout.contains("<error>0</error>"), "\(answer.stdout)")
        var status = ""
        for _ in 0..<100 where status != "approved" {
            Thread.sleep(forTimeInterval: 0.1)
            let listed = try CommandLineHarness.trackway(["pings", "--db", db, "list", "--json"])
            let pings = (try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]) ?? []
            status = pings.first { $0["sourceURL"] as? String == source }?["status"] as? String ?? ""
        }
        try #require(status == "approved", "the background check approved the trackback")
        server.stop()

        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains("serving \(db) on http://127.0.0.1:\(server.port)"))
        #expect(log.contains("POST /2026/04/mending-a-trawl-net/trackback/ 200") == !quiet, "\(log)")
        #expect(log.contains("verified ping") == !quiet, "\(log)")
    }
}
