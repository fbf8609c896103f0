import Foundation
import Testing

@Suite struct NotificationEndToEndTests {
    @Test("tells the owner's webhook of each new trackback and pingback, naming the stored ping")
    func trackbackAndPingback() async throws {
        let harness = try await GatewayHarness(notifyingSite: true)
        defer { harness.stop() }
        let trackbackSource = "http://tb.example/citing"
        let answer = try await harness.trackback(
            "/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.example%2Fciting&title=Citing&blog_name=Other&excerpt=Hello"
        )
        #expect(answer.body.contains("<error>0</error>"))
        let pingbackSource = try harness.page("cites.html", "<title>Cites</title><p>Read <a href=\"\(GatewayHarness.openPost)\">this</a>.</p>")
        let pinged = try await harness.xmlrpc("pingback.ping", [pingbackSource, GatewayHarness.openPost])
        #expect(pinged["result"] != nil, "\(pinged)")

        let sent = try await notifications(harness, count: 2)
        #expect(Set(sent.compactMap { $0["kind"] as? String }) == ["trackback", "pingback"])
        for notification in sent {
            let source = try #require(notification["source_url"] as? String)
            #expect(source == trackbackSource || source == pingbackSource)
            let storedID = try await harness.sqlite("SELECT id FROM comments WHERE author_url = '\(source)'")
            #expect(notification["ping_id"] as? Int == Int(storedID))
            #expect(notification["post_url"] as? String == GatewayHarness.openPost && notification["event"] as? String == "ping.received")
        }
        // A delivery leaves the queue once the webhook has answered: just after the site saw it.
        var queued = ""
        for _ in 0..<50 {
            queued = try await harness.sqlite("SELECT count(*) FROM notification_queue")
            if queued == "0" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(queued == "0")
    }

    @Test("tells the webhook of WordPress's recorded TrackBack in plain text, its character references decoded once")
    func wordPressTrackbackInPlainText() async throws {
        let harness = try await GatewayHarness(notifyingSite: true)
        defer { harness.stop() }
        #expect(try await harness.trackback("/2008/01/hello/trackback/", PingTextTests.wordPressForm).body.contains("<error>0</error>"))
        let sent = try #require(try await notifications(harness, count: 1).first)
        #expect(sent["source_title"] as? String == PingTextTests.shownTitle)
        #expect(sent["blog_name"] as? String == "Peer Blog")
        #expect((sent["excerpt"] as? String)?.hasSuffix("caf\u{E9}, 日本語, an e\u{2026}") == true, "\(sent)")
        #expect(try await harness.sqlite("SELECT content FROM comments") == "<strong>\(PingTextTests.wordPressTitle)</strong>\n\n\(PingTextTests.wordPressExcerpt)")
    }

    @Test("answers a ping at once when the webhook is down, and keeps its notification queued for a retry")
    func webhookDown() async throws {
        // Port 9 (discard) is closed here: every delivery fails at connect.
        let harness = try await GatewayHarness { $0.notifyURL = "http://127.0.0.1:9/hook" }
        defer { harness.stop() }
        let answer = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.example%2Fdown&title=T")
        #expect(answer.body.contains("<error>0</error>"))
        var attempts = ""
        for _ in 0..<100 {
            attempts = try await harness.sqlite("SELECT attempts FROM notification_queue")
            if attempts == "1" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(attempts == "1", "the failed delivery should stay queued with one attempt recorded")
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "1")
    }

    /// The webhook bodies the pinging site received, once `count` have arrived (up to 10 s).
    private func notifications(_ harness: GatewayHarness, count: Int) async throws -> [[String: Any]] {
        var lines: [String] = []
        for _ in 0..<100 {
            lines = try harness.notifications()
            if lines.count >= count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }
}
