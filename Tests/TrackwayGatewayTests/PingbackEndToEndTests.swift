import Foundation
import Testing
import TrackwayTesting

@Suite struct PingbackEndToEndTests {
    private func fault(_ answer: [String: Any]) -> Int? {
        (answer["fault"] as? [Any])?.first as? Int
    }

    @Test("registers a pingback whose source links to the post and answers WordPress's success string")
    func success() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("ok.html", """
            <html><head><title>A citing page</title></head><body>
            <p>Some words before <a href="http://www.blog.example/2008/01/hello">the post</a> and after.</p></body></html>
            """)
        let answer = try await harness.xmlrpc("pingback.ping", [source, GatewayHarness.openPost])
        let recorded = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("pingback-success.xml"), encoding: .utf8)
        #expect(recorded.contains("registered. Keep the web talking! :-)"))
        #expect(answer["result"] as? String == "Pingback from \(source) to \(GatewayHarness.openPost) registered. Keep the web talking! :-)")
        #expect(try await harness.sqlite("SELECT kind, status, source_title, author_url FROM comments") == "pingback|approved|A citing page|\(source)")
        #expect(try await harness.sqlite("SELECT content FROM comments").contains("the post"))
        let listed = try await harness.xmlrpc("pingback.extensions.getPingbacks", [GatewayHarness.openPost])
        #expect(listed["result"] as? [String] == [source])
        #expect(fault(try await harness.xmlrpc("pingback.ping", [source, GatewayHarness.openPost])) == 48)
    }

    @Test("answers every spec fault: 0 (same page, one parameter), 16, 17, 32, 33, storing nothing")
    func faults() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let noLink = try harness.page("nolink.html", "<html><head><title>x</title></head><body><p>nothing</p></body></html>")
        let linking = try harness.page("link.html", "<html><head><title>t</title></head><body><a href=\"\(GatewayHarness.closedPost)\">c</a><a href=\"\(GatewayHarness.draftPost)\">d</a></body></html>")
        #expect(fault(try await harness.xmlrpc("pingback.ping", [GatewayHarness.openPost, GatewayHarness.openPost])) == 0)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [harness.site.base + "/missing.html", GatewayHarness.openPost])) == 16)
        #expect(fault(try await harness.xmlrpc("pingback.ping", ["ftp://example.com/x", GatewayHarness.openPost])) == 16)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [noLink, GatewayHarness.openPost])) == 17)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [linking, "http://blog.example/2001/01/no-such-post/"])) == 32)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [linking, "http://elsewhere.example/x/"])) == 33)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [linking, GatewayHarness.closedPost])) == 33)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [linking, GatewayHarness.draftPost])) == 33)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [linking])) == 0)
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
    }

    @Test("resolves a target given on the server's own host, and its ?p= guid form")
    func ownHostAndGuid() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let first = try harness.page("a.html", "<title>A</title><p><a href=\"\(GatewayHarness.openPost)\">x</a></p>")
        let second = try harness.page("b.html", "<title>B</title><p><a href=\"\(GatewayHarness.blog)/?p=1\">x</a></p>")
        #expect(try await harness.xmlrpc("pingback.ping", [first, harness.base + "/2008/01/hello/"])["result"] != nil)
        #expect(try await harness.xmlrpc("pingback.ping", [second, "https://blog.example/?p=1"])["result"] != nil)
        #expect(try await harness.sqlite("SELECT count(*) FROM comments WHERE post_id = 1") == "2")
    }

    @Test("resolves a target carrying tracking parameters and a fragment to its post, as WordPress's url_to_postid does")
    func targetWithQuery() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let target = GatewayHarness.openPost + "?utm_source=feed&utm_medium=rss#comments"
        let source = try harness.page("q.html", "<title>Q</title><p><a href=\"\(target)\">x</a></p>")
        let plain = try harness.page("p.html", "<title>P</title><p><a href=\"\(GatewayHarness.openPost)?ref=twitter\">x</a></p>")
        #expect(try await harness.xmlrpc("pingback.ping", [source, target])["result"] != nil)
        #expect(try await harness.xmlrpc("pingback.ping", [plain, GatewayHarness.openPost])["result"] != nil)
        #expect(try await harness.sqlite("SELECT count(*) FROM comments WHERE post_id = 1 AND kind = 'pingback'") == "2")
        #expect(fault(try await harness.xmlrpc("pingback.ping", [source, "http://blog.example/2001/01/no-such-post/?utm_source=feed"])) == 32)
    }

    @Test("finds the post WordPress's pingback.ping finds by ID: ?p= before the path, /p/ID, #ID and #post-ID, zeros as absint drops them")
    func targetByWordPressID() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        // Post 1 is open, post 2 takes no pings: ?p=2 wins over the path of post 1, as in url_to_postid.
        #expect(fault(try await harness.xmlrpc("pingback.ping", [
            try harness.page("q.html", "<title>Q</title><a href=\"\(GatewayHarness.openPost)?p=2\">x</a>"), GatewayHarness.openPost + "?p=2",
        ])) == 33)
        let targets = [
            "http://blog.example/elsewhere/?ref=x&p=1", "http://blog.example/other/?p=abc&page_id=01", "http://blog.example/archives/p/1",
            "http://blog.example/gone/#1", "http://blog.example/gone/#post-001",
        ]
        for (index, target) in targets.enumerated() {
            let source = try harness.page("id\(index).html", "<title>S</title><p><a href=\"\(target)\">x</a></p>")
            #expect(try await harness.xmlrpc("pingback.ping", [source, target])["result"] != nil, "\(target)")
        }
        #expect(try await harness.sqlite("SELECT count(*) FROM comments WHERE post_id = 1") == "5")
        let stray = try harness.page("stray.html", "<title>S</title><a href=\"http://blog.example/gone/#post-99\">x</a>")
        #expect(fault(try await harness.xmlrpc("pingback.ping", [stray, "http://blog.example/gone/#post-99"])) == 32)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [stray, "http://blog.example/sitemap/1"])) == 32)
        #expect(fault(try await harness.xmlrpc("pingback.ping", [stray, "http://blog.example/gone/?p=0#0"])) == 32)
    }

    @Test("masks faults as stock WordPress does with --wordpress-faults: code 0 and empty text, except 48")
    func wordpressMasking() async throws {
        let harness = try await GatewayHarness { $0.wordpressFaults = true }
        defer { harness.stop() }
        let recorded = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("pingback-fault17-no-link.xml"), encoding: .utf8)
        let noLink = try harness.page("nolink.html", "<title>x</title><p>nothing</p>")
        let answer = try await harness.xmlrpc("pingback.ping", [noLink, GatewayHarness.openPost])
        let expectedCode = recorded.firstRange(of: "<int>").flatMap { open in
            recorded[open.upperBound...].firstRange(of: "</int>").map { Int(recorded[open.upperBound..<$0.lowerBound]) }
        }
        #expect((answer["fault"] as? [Any])?.first as? Int == expectedCode ?? -1)
        #expect((answer["fault"] as? [Any])?.last as? String == "")
    }

    @Test("refuses over the rate limit with HTTP 429 and stores nothing")
    func rateLimit() async throws {
        let harness = try await GatewayHarness { $0.pingRateLimit = .init(burst: 1, perMinute: 0.01) }
        defer { harness.stop() }
        let page = try harness.page("p.html", "<title>P</title><p><a href=\"\(GatewayHarness.openPost)\">x</a></p>")
        #expect(try await harness.xmlrpc("pingback.ping", [page, GatewayHarness.closedPost])["fault"] != nil)
        #expect(try await harness.xmlrpc("pingback.ping", [page, GatewayHarness.openPost])["http"] as? Int == 429)
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
    }
}
