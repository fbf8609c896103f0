import Foundation
import Testing
import TrackwayStore

@Suite struct WebmentionEndToEndTests {
    private static let target = GatewayHarness.openPost

    @Test("accepts a webmention sent with curl: 201 with a status URL, queued, then accepted and stored approved as kind webmention")
    func acceptedWithCurl() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("mention.html", "<title>A reply</title><p>I liked <a href=\"\(Self.target)\">this post</a> a lot.</p>")
        let answer = try await harness.webmention(source: source, target: Self.target)
        #expect(answer.status == 201)
        #expect(answer.headers.lowercased().contains("content-type: application/json"))
        let location = try #require(GatewayHarness.location(in: answer.headers))
        #expect(location.hasPrefix(harness.base + "/webmention/") && location.count == (harness.base + "/webmention/").count + 32)
        let queued = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: String]
        #expect(queued?["status"] == "queued" && queued?["source"] == source && queued?["target"] == Self.target)

        let settled = try await harness.settledStatus(location)
        #expect(settled["status"] == "accepted" && settled["reason"] == "")
        #expect(try await harness.sqlite("SELECT kind, comment_type, status, approved, verification, author_url, source_title FROM comments")
            == "webmention|webmention|approved|1|verified|\(source)|A reply")
        #expect(try await harness.sqlite("SELECT content FROM comments") == "[&#8230;] I liked this post a lot. [&#8230;]")
        #expect(try await harness.sqlite("SELECT key || '=' || value FROM comment_meta WHERE key <> 'webmention_created_at' ORDER BY seq")
            == "protocol=webmention\nwebmention_source_url=\(source)\nwebmention_target_url=\(Self.target)")
        #expect(try await harness.sqlite("SELECT count(*) FROM comment_meta WHERE key = 'webmention_created_at' AND value <> ''") == "1")
        let stored = try Store(path: harness.databasePath).pings()
        #expect(stored.map(\.kind) == [.webmention])
        #expect(try Store(path: harness.databasePath).stats().webmentions == 1)
    }

    @Test("tells the owner's webhook of an accepted webmention, once: an update is not news")
    func notification() async throws {
        let harness = try await GatewayHarness(notifyingSite: true)
        defer { harness.stop() }
        let source = try harness.page("told.html", "<title>Told</title><p>See <a href=\"\(Self.target)\">this</a>.</p>")
        for _ in 0..<2 {
            let answer = try await harness.webmention(source: source, target: Self.target)
            #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: answer.headers)))["status"] == "accepted")
        }
        for _ in 0..<100 where try harness.notifications().isEmpty {
            try await Task.sleep(for: .milliseconds(100))
        }
        // Give a wrongly sent second notification the time to arrive before counting.
        try await Task.sleep(for: .milliseconds(500))
        let lines = try harness.notifications()
        #expect(lines.count == 1)
        let sent = try #require(try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(sent["kind"] as? String == "webmention" && sent["status"] as? String == "approved")
        #expect(sent["source_url"] as? String == source && sent["post_url"] as? String == Self.target && sent["source_title"] as? String == "Told")
    }

    @Test("accepts a webmention posted with Python's urllib, from a plain-text source that names the target")
    func acceptedWithPython() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("note.txt", "A short note.\nSee \(Self.target) for the original.\n")
        let script = """
        import sys, urllib.parse, urllib.request
        body = urllib.parse.urlencode({"source": sys.argv[2], "target": sys.argv[3]}).encode()
        with urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=body)) as response:
            print(response.status)
            print(response.headers["Location"])
        """
        let output = try await GatewayHarness.run("/usr/bin/python3", ["-c", script, harness.base + "/webmention", source, Self.target])
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "201")
        let location = try #require(lines.dropFirst().first)
        #expect(try await harness.settledStatus(location)["status"] == "accepted")
        #expect(try await harness.sqlite("SELECT kind, status, source_title FROM comments") == "webmention|approved|127.0.0.1:\(harness.site.port)")
        #expect(try await harness.sqlite("SELECT content FROM comments").contains("See \(Self.target) for the original."))
    }

    @Test("refuses a source that does not link to the target: the status page says why and nothing is stored")
    func refusedWithoutLink() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("silent.html", "<title>Silent</title><p>No link here, only <a href=\"http://elsewhere.example/\">elsewhere</a>.</p>")
        let answer = try await harness.webmention(source: source, target: Self.target)
        #expect(answer.status == 201)
        let settled = try await harness.settledStatus(try #require(GatewayHarness.location(in: answer.headers)))
        #expect(settled["status"] == "refused")
        #expect(settled["reason"] == "The source does not link to the target.")
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")

        let missing = try await harness.webmention(source: harness.site.base + "/no-such-page.html", target: Self.target)
        let gone = try await harness.settledStatus(try #require(GatewayHarness.location(in: missing.headers)))
        #expect(gone["status"] == "refused" && gone["reason"]?.contains("HTTP 404") == true)
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
    }

    @Test("refuses a webmention from a source that already sent the post a trackback")
    func refusedAfterTrackback() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("both.html", "<title>Both</title><p><a href=\"\(Self.target)\">post</a></p>")
        let encoded = source.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? source
        #expect(try await harness.trackback("/2008/01/hello/trackback/", "url=\(encoded)&title=T").body.contains("<error>0</error>"))
        let answer = try await harness.webmention(source: source, target: Self.target)
        let settled = try await harness.settledStatus(try #require(GatewayHarness.location(in: answer.headers)))
        #expect(settled["status"] == "refused" && settled["reason"] == "There is already a ping from that URL for this post.")
        #expect(try await harness.sqlite("SELECT kind FROM comments") == "trackback")
    }

    @Test("updates the stored mention when the same source is sent again: title and excerpt refreshed, one comment, moderation kept")
    func update() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("evolving.html", "<title>First draft</title><p>Early words about <a href=\"\(Self.target)\">it</a>.</p>")
        let first = try await harness.webmention(source: source, target: Self.target)
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: first.headers)))["status"] == "accepted")
        let id = try await harness.sqlite("SELECT id FROM comments")

        try harness.page("evolving.html", "<title>Final version</title><p>Later words about <a href=\"\(Self.target)\">it</a>.</p>")
        let second = try await harness.webmention(source: source, target: Self.target)
        let secondLocation = try #require(GatewayHarness.location(in: second.headers))
        #expect(secondLocation != GatewayHarness.location(in: first.headers))
        #expect(try await harness.settledStatus(secondLocation)["status"] == "accepted")
        #expect(try await harness.sqlite("SELECT id, source_title, content FROM comments")
            == "\(id)|Final version|[&#8230;] Later words about it. [&#8230;]")

        // An owner's verdict stands: an update refreshes a mention marked spam without approving it.
        _ = try await harness.sqlite("UPDATE comments SET status = 'spam', approved = 'spam'")
        let third = try await harness.webmention(source: source, target: Self.target)
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: third.headers)))["status"] == "accepted")
        #expect(try await harness.sqlite("SELECT count(*), status FROM comments") == "1|spam")
    }

    @Test("deletes the stored mention when its source answers 410 Gone")
    func deleteOnGone() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("doomed.html", "<title>Doomed</title><p><a href=\"\(Self.target)\">post</a></p>")
        let first = try await harness.webmention(source: source, target: Self.target)
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: first.headers)))["status"] == "accepted")
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "1")

        try harness.answer("doomed.html", status: 410)
        let second = try await harness.webmention(source: source, target: Self.target)
        let settled = try await harness.settledStatus(try #require(GatewayHarness.location(in: second.headers)))
        #expect(settled["status"] == "deleted" && settled["reason"] == "The source is gone (HTTP 410).")
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
        #expect(try await harness.sqlite("SELECT count(*) FROM comment_meta") == "0")

        // Gone with nothing stored: refused, and the first request's status page stays accepted.
        let third = try await harness.webmention(source: source, target: Self.target)
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: third.headers)))["status"] == "refused")
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: first.headers)))["status"] == "accepted")
    }

    @Test("deletes the stored mention when its source no longer links to the target")
    func deleteWhenLinkRemoved() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = try harness.page("edited.html", "<title>Edited</title><p><a href=\"\(Self.target)\">post</a></p>")
        let first = try await harness.webmention(source: source, target: Self.target)
        #expect(try await harness.settledStatus(try #require(GatewayHarness.location(in: first.headers)))["status"] == "accepted")

        try harness.page("edited.html", "<title>Edited</title><p>The link was taken out.</p>")
        let second = try await harness.webmention(source: source, target: Self.target)
        let settled = try await harness.settledStatus(try #require(GatewayHarness.location(in: second.headers)))
        #expect(settled["status"] == "deleted" && settled["reason"] == "The source does not link to the target.")
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
    }

    @Test("answers 400 with a plain-text reason for each request the sender got wrong, queuing nothing")
    func validationErrors() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let source = "http://other.example/post"
        let cases: [(form: [String], reason: String)] = [
            (["target=\(Self.target)"], "The source parameter is required."),
            (["source=\(source)"], "The target parameter is required."),
            (["source=", "target=\(Self.target)"], "The source parameter is required."),
            (["source=ftp://other.example/post", "target=\(Self.target)"], "The source must be an http or https URL."),
            (["source=not a url", "target=\(Self.target)"], "The source must be an http or https URL."),
            (["source=\(source)", "target=mailto:owner@blog.example"], "The target must be an http or https URL."),
            (["source=\(Self.target)", "target=\(Self.target)"], "The source and the target must not be the same URL."),
            (["source=https://www.blog.example/2008/01/hello", "target=\(Self.target)#comments"], "The source and the target must not be the same URL."),
            (["source=\(source)", "target=http://elsewhere.example/2008/01/hello/"], "The target is not on this site."),
            (["source=\(source)", "target=\(GatewayHarness.blog)/2001/01/no-such-post/"], "The target is not a post on this site."),
            (["source=\(source)", "target=\(GatewayHarness.closedPost)"], "The target does not accept webmentions."),
            (["source=\(source)", "target=\(GatewayHarness.draftPost)"], "The target does not accept webmentions."),
        ]
        for (form, reason) in cases {
            let answer = try await harness.curl(form.flatMap { ["--data-urlencode", $0] } + [harness.base + "/webmention"])
            #expect(answer.status == 400, "\(form)")
            #expect(answer.headers.lowercased().contains("content-type: text/plain"), "\(form)")
            #expect(answer.body == reason + "\n", "\(form)")
        }
        #expect(try await harness.sqlite("SELECT count(*) FROM webmention_requests") == "0")
        let get = try await harness.curl([harness.base + "/webmention"])
        #expect(get.status == 405 && get.headers.lowercased().contains("allow: post"))
        #expect(try await harness.curl([harness.base + "/webmention/0123456789abcdef0123456789abcdef"]).status == 404)
    }

    @Test("advertises the endpoint with a Link header and a link element wherever discovery answers")
    func discovery() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let header = "link: <\(harness.base)/webmention>; rel=\"webmention\""
        for path in ["/2008/01/hello/", "/?p=1", "/2008/01/hello/trackback/"] {
            let page = try await harness.curl([harness.base + path])
            #expect(page.status == 200, "\(path)")
            #expect(page.headers.lowercased().contains(header), "\(path)")
            #expect(page.body.contains("<link rel=\"webmention\" href=\"\(harness.base)/webmention\" />"), "\(path)")
        }
        #expect(try await harness.curl(["-I", harness.base + "/2008/01/hello/"]).headers.lowercased().contains(header))

        let redirecting = try await GatewayHarness { $0.redirectBase = "https://new.example/" }
        defer { redirecting.stop() }
        let moved = try await redirecting.curl([redirecting.base + "/2008/01/hello/"])
        #expect(moved.status == 301 && moved.headers.lowercased().contains("link: <\(redirecting.base)/webmention>; rel=\"webmention\""))
    }

    @Test("refuses webmentions over the rate limit with HTTP 429, queuing nothing more")
    func rateLimit() async throws {
        let harness = try await GatewayHarness { $0.pingRateLimit = .init(burst: 2, perMinute: 0.01) }
        defer { harness.stop() }
        for index in 0..<2 {
            #expect(try await harness.webmention(source: "http://other.example/\(index)", target: Self.target).status == 201)
        }
        let refused = try await harness.webmention(source: "http://other.example/x", target: Self.target)
        #expect(refused.status == 429 && refused.body.contains("too quickly"))
        #expect(try await harness.sqlite("SELECT count(*) FROM webmention_requests") == "2")
    }

    @Test("refuses a body over the size limit with HTTP 413")
    func bodyLimit() async throws {
        let harness = try await GatewayHarness { $0.maxBodyBytes = 1_000 }
        defer { harness.stop() }
        let padded = "http://other.example/?" + String(repeating: "x", count: 2_000)
        #expect(try await harness.webmention(source: padded, target: Self.target).status == 413)
        #expect(try await harness.sqlite("SELECT count(*) FROM webmention_requests") == "0")
    }
}
