import Foundation
import Testing

/// `trackway serve --owner-feed-token`: a guessable secret would open every ping, spam included.
@Suite struct ServeFeedTokenTests {
    @Test("refuses an owner feed secret under 16 characters, from the option or the environment, and serves nothing")
    func shortSecretRefused() throws {
        let directory = try CommandLineHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("blog.sqlite").path
        let fromOption = try CommandLineHarness.trackway(["serve", "--db", db, "--port", "0", "--owner-feed-token", "short"])
        let fromEnvironment = try CommandLineHarness.tool(
            "env", ["TRACKWAY_OWNER_FEED_TOKEN=", CommandLineHarness.trackwayBinary.path, "serve", "--db", db, "--port", "0"]
        )
        for result in [fromOption, fromEnvironment] {
            #expect(result.status != 0)
            #expect(result.stderr.contains("at least 16 characters"), "\(result.stderr)")
            #expect(!result.stderr.contains("serving"))
        }
    }
}
