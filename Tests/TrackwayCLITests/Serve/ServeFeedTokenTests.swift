import Foundation
import Testing
import TrackwayTesting

/// `trackway serve --owner-feed-token`: a guessable secret would open every ping, spam included.
@Suite struct ServeFeedTokenTests {
    @Test("refuses an owner feed secret under 16 characters, from the option or the environment, and serves nothing")
    func shortSecretRefused() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite").path
        let fromOption = try CommandLineHarness.trackway(["serve", "--db", db, "--port", "0", "--owner-feed-token", "short"])
        let fromEnvironment = try ChildProcess.tool(
            "env", ["TRACKWAY_OWNER_FEED_TOKEN=", CommandLineHarness.trackwayBinary.path, "serve", "--db", db, "--port", "0"]
        )
        for result in [fromOption, fromEnvironment] {
            #expect(result.status != 0)
            #expect(result.stderr.contains("at least 16 characters"), "\(result.stderr)")
            #expect(!result.stderr.contains("serving"))
        }
    }

    @Test("serves the feed to the secret and never writes the secret to the request log")
    func secretKeptOutOfTheLog() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try CommandLineHarness.importSample(into: db.path)
        let secret = "feed-secret-3f9c2a7d41"
        let server = try ServerProcess.start(
            database: db, arguments: ["--owner-feed-token", secret], log: directory.file("serve.log")
        )
        defer { server.stop() }
        let feed = try ChildProcess.tool("curl", ["-s", "-o", "/dev/null", "-w", "%{http_code}", server.base + "/trackway/pings.atom?status=pending&token=" + secret])
        #expect(feed.stdout == "200")
        server.stop()
        let log = try String(contentsOf: server.log, encoding: .utf8)
        #expect(log.contains("GET /trackway/pings.atom?status=pending&token=\u{2026} 200"), "\(log)")
        #expect(!log.contains(secret), "\(log)")
    }
}
