import Testing
@testable import TrackwayGateway

@Suite struct PingSenderTests {
    @Test("reads the target and posts the ping to the endpoint it advertises, all through its fetcher")
    func sendsThroughItsFetcher() async throws {
        let fetcher = MemoryPageFetcher()
        let target = "http://their.example/post/"
        fetcher.serve(target, html: "<html><head><link rel=\"pingback\" href=\"/xmlrpc.php\"></head><body>post</body></html>")
        fetcher.serve("http://their.example/xmlrpc.php", html: """
            <?xml version="1.0"?><methodResponse><params><param><value><string>Thanks</string></value></param></params></methodResponse>
            """, contentType: "text/xml")
        let outcome = await PingSender(fetcher: fetcher).send(PingMessage(source: "http://me.example/mine/", target: target))
        #expect(outcome.result == .accepted && outcome.via == .pingback && outcome.message == "Thanks")
        let posts = fetcher.posts
        #expect(posts.map(\.url) == ["http://their.example/xmlrpc.php"] && posts.map(\.contentType) == ["text/xml"])
        let body = String(decoding: posts.first?.body ?? [], as: UTF8.self)
        #expect(body.contains("pingback.ping") && body.contains("http://me.example/mine/"))
    }

    @Test("reports a target it could not read, without posting anything")
    func unreadableTarget() async {
        let fetcher = MemoryPageFetcher()
        fetcher.fail("http://down.example/", with: .transport("Could not resolve host"))
        let outcome = await PingSender(fetcher: fetcher).send(PingMessage(source: "http://me.example/mine/", target: "http://down.example/"))
        #expect(outcome.result == .failed && outcome.message.contains("Could not resolve host"))
        #expect(fetcher.posts.isEmpty)
    }
}
