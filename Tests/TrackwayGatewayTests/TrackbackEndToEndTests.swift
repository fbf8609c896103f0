import Foundation
import Testing
import TrackwayTesting

@Suite struct TrackbackEndToEndTests {
    private let success = "<error>0</error>"

    @Test("answers WordPress's recorded success body and stores the ping pending, queued for verification")
    func success() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let recorded = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("trackback-success.xml"), encoding: .utf8)
        let form = try ProtocolFixtures.requestBody("trackback-success").split(separator: "\n").last.map(String.init) ?? ""
        let answer = try await harness.trackback("/2008/01/hello/trackback/", form)
        #expect(answer.status == 200)
        #expect(answer.body.lowercased() == recorded.lowercased())
        #expect(answer.headers.lowercased().contains("x-pingback: \(harness.base)/xmlrpc.php"))
        #expect(try await harness.sqlite("SELECT kind, status, source_title, blog_name FROM comments") == "trackback|pending|TB title ü 東京|Other Blog")
        #expect(try await harness.sqlite("SELECT count(*) FROM verification_queue") == "1")
    }

    @Test("accepts every TrackBack URL form old blogs published")
    func urlForms() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let paths = ["/2008/01/hello/trackback/", "/2008/01/hello/trackback", "/wp-trackback.php?p=1", "/wp-trackback.php/1",
                     "/trackback/1", "/mt-tb.cgi/1", "/mt-tb.cgi?tb_id=1", "/mt/mt-tb.cgi/1", "/cgi-bin/mt/mt-tb.cgi?tb_id=1"]
        for (index, path) in paths.enumerated() {
            let answer = try await harness.trackback(path, "url=http%3A%2F%2Ftb.example%2F\(index)&title=T&blog_name=B")
            #expect(answer.body.contains(success), "\(path): \(answer.body)")
        }
        #expect(try await harness.sqlite("SELECT count(*) FROM comments WHERE post_id = 1") == String(paths.count))
    }

    @Test("answers each TrackBack error with error 1 and a clear, escaped message, storing nothing")
    func errors() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let closed = try await harness.trackback("/2009/01/closed/trackback/", "url=http%3A%2F%2Ftb.example%2Fc&title=T")
        let recordedClosed = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("trackback-error-pings-closed.xml"), encoding: .utf8)
        #expect(closed.body.lowercased() == recordedClosed.lowercased())
        let missing = try await harness.trackback("/2008/01/hello/trackback/", "title=Title+but+no+url")
        #expect(missing.body.contains("<error>1</error>") && missing.body.contains("url"))
        let noPost = try await harness.trackback("/2001/01/no-such-post/trackback/", "url=http%3A%2F%2Ftb.example%2Fn&title=T")
        #expect(noPost.status == 404 && noPost.body.contains("<error>1</error>"))
        let utf7 = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.example%2F7&title=x&charset=UTF-7")
        #expect(utf7.body.contains("<error>1</error>") && utf7.body.contains("UTF-7"))
        let invalid = try await harness.trackback("/2008/01/hello/trackback/", "url=%3Cscript%3E&title=x")
        #expect(invalid.body.contains("&lt;script&gt;"))
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "0")
        _ = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.example%2Fd&title=T")
        let duplicate = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.example%2Fd&title=Again")
        let recordedDuplicate = try String(contentsOf: ProtocolFixtures.folder.appendingPathComponent("trackback-error-duplicate.xml"), encoding: .utf8)
        #expect(duplicate.body.lowercased() == recordedDuplicate.lowercased())
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "1")
    }

    @Test("converts a Latin-1 TrackBack to UTF-8, as in WordPress's recorded request")
    func latin1() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let form = try ProtocolFixtures.requestBody("trackback-charset-latin1").split(separator: "\n").last.map(String.init) ?? ""
        #expect(try await harness.trackback("/2008/01/hello/trackback/", form).body.contains(success))
        #expect(try await harness.sqlite("SELECT source_title FROM comments") == "Café latin1")
    }

    @Test("refuses over the rate limit with HTTP 429 and stores nothing")
    func rateLimit() async throws {
        let harness = try await GatewayHarness { $0.pingRateLimit = .init(burst: 2, perMinute: 0.01) }
        defer { harness.stop() }
        for index in 0..<2 {
            #expect(try await harness.trackback("/trackback/1", "url=http%3A%2F%2Ftb.example%2F\(index)&title=T").status == 200)
        }
        let refused = try await harness.trackback("/trackback/1", "url=http%3A%2F%2Ftb.example%2Fx&title=T")
        #expect(refused.status == 429 && refused.body.contains("<error>1</error>"))
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "2")
    }

    @Test("approves a trackback in the background once its source links to the post; one without a link stays pending")
    func backgroundVerification() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let linking = try harness.page("tb.html", "<title>TB</title><p><a href=\"\(GatewayHarness.openPost)\">x</a></p>")
        let silent = try harness.page("silent.html", "<title>S</title><p>no link</p>")
        for url in [linking, silent] {
            let encoded = url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url
            #expect(try await harness.trackback("/2008/01/hello/trackback/", "url=\(encoded)&title=T").body.contains(success))
        }
        for _ in 0..<100 {
            if try await harness.sqlite("SELECT count(*) FROM verification_queue") == "0" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try await harness.sqlite("SELECT status, verification FROM comments WHERE author_url = '\(linking)'") == "approved|verified")
        #expect(try await harness.sqlite("SELECT status, verification FROM comments WHERE author_url = '\(silent)'") == "pending|failed")
        let rss = try await harness.curl([harness.base + "/2008/01/hello/trackback/?__mode=rss"])
        #expect(rss.body.contains("<rss version=\"0.91\">") && rss.body.contains(linking) && !rss.body.contains(silent))
    }

    @Test("a source that never answers holds up only its own check: trackbacks queued after it are checked meanwhile")
    func silentSourceDoesNotBlockTheQueue() async throws {
        // The silent source's check must still be waiting when the other is done, however slow the
        // machine running the test: a time limit far beyond the test's own waits.
        let harness = try await GatewayHarness { $0.sourceTimeoutSeconds = 600 }
        defer { harness.stop() }
        let hostile = try HostileSite()
        defer { hostile.stop() }
        let silent = hostile.url("/silent")
        let linking = try harness.page("tb.html", "<title>TB</title><p><a href=\"\(GatewayHarness.openPost)\">x</a></p>")
        let encode = { (url: String) in url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url }
        #expect(try await harness.trackback("/2008/01/hello/trackback/", "url=\(encode(silent))&title=T").body.contains(success))
        // Let its check start (the queue is polled every 0.1 s) and wait on the silent source.
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await harness.trackback("/2008/01/hello/trackback/", "url=\(encode(linking))&title=T").body.contains(success))
        for _ in 0..<80 {
            if try await harness.sqlite("SELECT status FROM comments WHERE author_url = '\(linking)'") == "approved" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try await harness.sqlite("SELECT status FROM comments WHERE author_url = '\(linking)'") == "approved")
        // The silent source's check is still running: it has not yet used up an attempt.
        #expect(try await harness.sqlite("""
            SELECT q.attempts FROM verification_queue q JOIN comments c ON c.id = q.comment_id WHERE c.author_url = '\(silent)'
            """) == "0")
    }

    @Test("a check whose result cannot be stored (the database failing) is retried after a pause, not in a loop that fetches the source again and again")
    func failingDatabaseDoesNotHammerTheSource() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let site = try HostileSite()
        defer { site.stop() }
        // Every attempt to take a ping off the queue fails, as a full disk would.
        _ = try await harness.sqlite("CREATE TRIGGER failing BEFORE DELETE ON verification_queue BEGIN SELECT RAISE(ABORT, 'disk full'); END")
        let source = site.url("/page")
        let encoded = source.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? source
        #expect(try await harness.trackback("/2008/01/hello/trackback/", "url=\(encoded)&title=T").body.contains(success))
        // The first check comes within 0.1 s on an idle machine; a loaded one may take longer.
        let deadline = ContinuousClock.now + .seconds(60)
        while site.requestCountSoFar() == 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(50)) }
        let first = site.requestCountSoFar()
        #expect(first >= 1, "the source was never fetched")
        try await Task.sleep(for: .seconds(2))
        // The pause after a failure is 1 s: at most two more fetches in the next 2 s, where a loop
        // would make hundreds.
        let fetches = site.requests().count
        #expect(fetches <= first + 2, "\(fetches - first) more fetches of the source in the 2 s after the first")
        #expect(try await harness.sqlite("SELECT status FROM comments WHERE author_url = '\(source)'") == "pending")
    }
}
