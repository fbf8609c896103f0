import HTTPTypes
import Testing
import TrackwayCore
import TrackwayStore
@testable import TrackwayGateway

@Suite struct TrackbackDeciderTests {
    private let decider = TrackbackDecider(maxBodyBytes: 1_000, bodyTimeoutSeconds: 2.5, notifying: false)

    private func decide(_ form: String, contentType: String? = nil, post: PingTarget = DeciderSamples.openPost, decider: TrackbackDecider? = nil) -> TrackbackDecider.Decision {
        (decider ?? self.decider).decide(body: Array(form.utf8), contentType: contentType, post: post, clientAddress: "192.0.2.9", userAgent: "", rules: .defaults)
    }

    private func stored(_ decision: TrackbackDecider.Decision) throws -> NewPing {
        guard case .store(let ping) = decision else { throw Unexpected(decision) }
        return ping
    }

    private func error(_ decision: TrackbackDecider.Decision) -> String? {
        guard case .answer(let answer) = decision else { return nil }
        #expect(answer.status == .ok && answer.advertisesPingback && !answer.closesConnection)
        return answer.error
    }

    private struct Unexpected: Error {
        init(_ decision: TrackbackDecider.Decision) {}
    }

    @Test("routes a TrackBack URL: 404 without a post, the discovery page or RSS for GET and HEAD, 405 but for POST, a ping for POST")
    func routes() {
        let open = TargetResolution.post(DeciderSamples.openPost)
        for missing in [TargetResolution.notFound, .notOurs] {
            let route = TrackbackDecider.route(method: .post, query: nil, target: missing)
            #expect(route == .answer(TrackbackAnswer(status: .notFound, error: "There is no post at this TrackBack URL.", advertisesPingback: false)))
        }
        #expect(TrackbackDecider.route(method: .get, query: nil, target: open) == .showDiscovery)
        #expect(TrackbackDecider.route(method: .head, query: "tb_id=1", target: open) == .showDiscovery)
        #expect(TrackbackDecider.route(method: .get, query: "tb_id=1&__mode=rss", target: open) == .listTrackbacks(DeciderSamples.openPost))
        #expect(TrackbackDecider.route(method: .put, query: nil, target: open)
            == .answer(TrackbackAnswer(status: .methodNotAllowed, error: "Trackback pings must use HTTP POST", advertisesPingback: false)))
        #expect(TrackbackDecider.route(method: .post, query: "__mode=rss", target: open) == .receive(DeciderSamples.openPost))
        // A closed post's pings are refused with the body's checks, after the rate limit, as WordPress does.
        #expect(TrackbackDecider.route(method: .post, query: nil, target: .post(DeciderSamples.closedPost)) == .receive(DeciderSamples.closedPost))
    }

    @Test("stores WordPress's recorded ping pending and queued for its check, with WordPress's comment text")
    func storesRecordedPing() throws {
        let ping = try stored(decide(String(decoding: try DeciderSamples.recordedForm("trackback-success"), as: UTF8.self)))
        #expect(ping.kind == .trackback && ping.status == .pending && ping.verification == .queued)
        #expect(ping.postID == 1 && ping.authorIP == "192.0.2.9" && ping.blogName == "Other Blog")
        #expect(ping.sourceURL.hasPrefix("http://tb.example.net/") && ping.sourceTitle == "TB title ü 東京")
        #expect(ping.content == "<strong>TB title ü 東京</strong>\n\nAn excerpt &amp; more")
        #expect(ping.notificationPayload == nil)
    }

    @Test("answers success and the duplicate error with WordPress's recorded bodies, byte for byte")
    func storedAnswersMatchWordPress() throws {
        let success = TrackbackDecider.answer(after: .inserted(3))
        #expect(success.status == .ok && success.error == nil && success.advertisesPingback)
        #expect(try success.body() == DeciderSamples.recorded("trackback-success.xml"))
        let duplicate = TrackbackDecider.answer(after: .duplicate)
        #expect(duplicate.status == .ok && duplicate.error == "There is already a ping from that URL for this post.")
        #expect(try duplicate.body() == DeciderSamples.recorded("trackback-error-duplicate.xml"))
    }

    @Test("refuses WordPress's recorded ping to a post whose pings are closed with WordPress's recorded body")
    func closedMatchesWordPress() throws {
        let decision = decide(String(decoding: try DeciderSamples.recordedForm("trackback-error-pings-closed"), as: UTF8.self), post: DeciderSamples.closedPost)
        guard case .answer(let answer) = decision else { throw Unexpected(decision) }
        #expect(try answer.body() == DeciderSamples.recorded("trackback-error-pings-closed.xml"))
        #expect(error(decide("url=http%3A%2F%2Ftb.example%2Fd&title=T", post: DeciderSamples.draftPost)) == "Sorry, trackbacks are closed for this item.")
    }

    @Test("decodes WordPress's recorded Latin-1 ping to UTF-8 and answers it as WordPress did")
    func latin1() throws {
        let ping = try stored(decide(String(decoding: try DeciderSamples.recordedForm("trackback-charset-latin1"), as: UTF8.self)))
        #expect(ping.sourceTitle == "Café latin1")
        #expect(try TrackbackDecider.answer(after: .inserted(1)).body() == DeciderSamples.recorded("trackback-charset-latin1.xml"))
    }

    @Test("answers each unusable ping with error 1 and a message that says why")
    func bodyErrors() throws {
        #expect(error(decide(String(decoding: try DeciderSamples.recordedForm("trackback-missing-url"), as: UTF8.self))) == "You need to provide a Source URL (url).")
        #expect(error(decide(String(decoding: try DeciderSamples.recordedForm("trackback-charset-utf7-refused"), as: UTF8.self))) == "The charset UTF-7 is not accepted.")
        #expect(error(decide("url=http%3A%2F%2Ftb.example%2F&title=x", contentType: "application/x-www-form-urlencoded; charset=utf-7")) == "The charset UTF-7 is not accepted.")
        #expect(error(decide("url=http%3A%2F%2Ftb.example%2F&title=x&charset=X-NO-SUCH")) == "The charset X-NO-SUCH is not supported.")
        #expect(error(decide("url=http%3A%2F%2Ftb.example%2F&title=%FF%FE")) == nil)
        #expect(error(decide("url=http%3A%2F%2Ftb.example%2F&title=%C3&charset=utf-8")) == "The ping's text is not valid UTF-8.")
        #expect(error(decide("url=%3Cscript%3E&title=x")) == "Invalid URL '<script>'")
        #expect(try TrackbackAnswer.error("Invalid URL '<script>'").body() == Array("""
            <?xml version="1.0" encoding="utf-8"?>
            <response>
            <error>1</error>
            <message>Invalid URL '&lt;script&gt;'</message>
            </response>
            """.utf8))
    }

    @Test("uses the Content-Type's charset when the form names none, and the form's over it")
    func contentTypeCharset() throws {
        let latin1 = "url=http%3A%2F%2Ftb.example%2F&title=Caf%E9"
        #expect(try stored(decide(latin1, contentType: "application/x-www-form-urlencoded; charset=ISO-8859-1")).sourceTitle == "Café")
        #expect(try stored(decide(latin1 + "&charset=ISO-8859-1", contentType: "application/x-www-form-urlencoded; charset=UTF-8")).sourceTitle == "Café")
    }

    @Test("cuts a title to 250 characters and an excerpt to 252, and names an untitled ping by its URL")
    func lengths() throws {
        let long = String(repeating: "é", count: 300)
        let ping = try stored(decide("url=http%3A%2F%2Ftb.example%2Fl&title=\(long)&excerpt=\(long)"))
        #expect(ping.sourceTitle == String(repeating: "é", count: 250) + "&#8230;")
        #expect(ping.content.hasSuffix(String(repeating: "é", count: 252) + "&#8230;"))
        #expect(try stored(decide("url=http%3A%2F%2Ftb.example%2Fu&blog_name=B")).sourceTitle == "http://tb.example/u")
    }

    @Test("refuses an unread body with 413 or 408 naming the limit, and closes the connection")
    func bodyRefusals() {
        #expect(decider.answer(to: .tooLarge) == TrackbackAnswer(status: .contentTooLarge, error: "The TrackBack ping is larger than 1000 bytes.", closesConnection: true))
        #expect(decider.answer(to: .tooSlow) == TrackbackAnswer(status: .requestTimeout, error: "The TrackBack ping did not arrive within 2.5 seconds.", closesConnection: true))
        #expect(TrackbackAnswer.rateLimited.status == .tooManyRequests && TrackbackAnswer.rateLimited.advertisesPingback)
    }

    @Test("carries the owner's notification of a pending trackback when notifying")
    func notification() throws {
        let notifying = TrackbackDecider(maxBodyBytes: 1_000, bodyTimeoutSeconds: 2.5, notifying: true)
        let ping = try stored(decide("url=http%3A%2F%2Ftb.example%2Fn&title=T&excerpt=E&blog_name=B", decider: notifying))
        let payload = try #require(ping.notificationPayload)
        for field in ["\"kind\":\"trackback\"", "\"status\":\"pending\"", "\"post_id\":1", "\"source_url\":\"http://tb.example/n\"", "\"source_title\":\"T\"",
                      "\"blog_name\":\"B\"", "\"excerpt\":\"E\"", "\"client_address\":\"192.0.2.9\""] {
            #expect(payload.contains(field), "\(field) in \(payload)")
        }
    }

    @Test("approves a stored trackback whose source links to the post, under the page's title; leaves one without a link")
    func verdict() {
        let keys = DeciderSamples.openPostKeys
        let linking = DeciderSamples.scanned("<title>Citing</title><a href=\"http://blog.example/2008/01/hello/?utm_source=x\">x</a>")
        #expect(TrackbackDecider.verdict(on: linking, postKeys: keys) == .init(linksToPost: true, sourceTitle: "Citing"))
        let silent = DeciderSamples.scanned("<p>no link, no title</p>")
        #expect(TrackbackDecider.verdict(on: silent, postKeys: keys) == .init(linksToPost: false, sourceTitle: nil))
    }
}
