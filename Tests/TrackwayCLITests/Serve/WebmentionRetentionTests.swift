import Foundation
import Testing
import TrackwayTesting

/// How long `trackway serve` keeps finished webmention requests (`--webmention-status-days`).
@Suite struct WebmentionRetentionTests {
    @Test("a finished webmention older than the retention is forgotten when the server starts: its status URL answers 404, newer ones 200")
    func forgetsOldStatuses() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite").path
        try CommandLineHarness.importSample(into: db)
        try SQLiteFile(path: db).query("""
            INSERT INTO webmention_requests(token, source, target, post_id, state, updated_at)
            SELECT 'old', 'http://a.example/1', 'http://t.example/', MIN(id), 'refused', strftime('%Y-%m-%d %H:%M:%S', 'now', '-11 days') FROM posts;
            INSERT INTO webmention_requests(token, source, target, post_id, state, updated_at)
            SELECT 'recent', 'http://a.example/2', 'http://t.example/', MIN(id), 'refused', strftime('%Y-%m-%d %H:%M:%S', 'now', '-9 days') FROM posts;
            """)
        let server = try ServerProcess.start(
            database: URL(fileURLWithPath: db), arguments: ["--quiet", "--webmention-status-days", "10"],
            log: directory.file("serve.log")
        )
        defer { server.stop() }
        let status = { (token: String) in
            try ChildProcess.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", server.base + "/webmention/" + token]).stdout
        }
        var old = try status("old")
        for _ in 0..<50 where old != "404" {
            Thread.sleep(forTimeInterval: 0.1)
            old = try status("old")
        }
        #expect(old == "404")
        #expect(try status("recent") == "200")
    }
}
