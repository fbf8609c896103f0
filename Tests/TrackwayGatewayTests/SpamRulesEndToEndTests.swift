import Foundation
import Testing
import TrackwayCore
import TrackwayStore

/// The owner's spam rules at a real gateway, over 127.0.0.1, matched on what only the request
/// carries: the sender's user agent.
@Suite struct SpamRulesEndToEndTests {
    private static let target = GatewayHarness.openPost

    /// A gateway whose database holds `rules` before it starts.
    private static func harness(_ rules: [SpamRuleName: String]) async throws -> GatewayHarness {
        try await GatewayHarness { configuration in
            let store = try? Store(path: configuration.databasePath)
            for (name, text) in rules { try? store?.setSpamRule(name, to: text) }
        }
    }

    @Test("a webmention whose sender's user agent holds a moderation key is accepted but stays pending, the rule recorded")
    func webmentionHeldByUserAgent() async throws {
        let harness = try await Self.harness([.moderationKeys: "CURL/"])
        defer { harness.stop() }
        let source = try harness.page("reply.html", "<title>A reply</title><p>On <a href=\"\(Self.target)\">this post</a>.</p>")
        let answer = try await harness.webmention(source: source, target: Self.target)
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: answer.headers)))["status"] == "accepted")
        #expect(try await harness.sqlite("SELECT status, verification, spam_rule, spam_rule_match FROM comments") == "pending|verified|moderation-keys|CURL/")
    }

    @Test("a pingback whose client's user agent holds a disallowed key is answered as WordPress answers it and stored as spam")
    func pingbackSpamByUserAgent() async throws {
        let harness = try await Self.harness([.disallowedKeys: "python-xmlrpc"])
        defer { harness.stop() }
        let source = try harness.page("citing.html", "<title>Citing</title><p>On <a href=\"\(Self.target)\">this post</a>.</p>")
        let answer = try await harness.xmlrpc("pingback.ping", [source, Self.target])
        #expect((answer["result"] as? String)?.hasPrefix("Pingback from \(source)") == true, "\(answer)")
        #expect(try await harness.sqlite("SELECT status, spam_rule, spam_rule_match FROM comments") == "spam|disallowed-keys|python-xmlrpc")
    }
}
