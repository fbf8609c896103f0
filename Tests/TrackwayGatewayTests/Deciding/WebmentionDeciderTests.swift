import Testing
import TrackwayCore
import TrackwayStore
@testable import TrackwayGateway

@Suite struct WebmentionDeciderTests {
    private let decider = WebmentionDecider(notifying: false)

    private func request(attempts: Int = 0) -> WebmentionRequest {
        WebmentionRequest(
            id: 4, token: "t", source: "http://other.example/mention/", target: "http://blog.example/2008/01/hello/", postID: 1,
            authorIP: "192.0.2.4", state: .queued, reason: "", commentID: nil, attempts: attempts, updatedAt: "2026-01-01 00:00:00"
        )
    }

    private func mention(in html: String, contentType: String = "text/html") -> WebmentionVerdict? {
        WebmentionVerdict.mention(
            in: DeciderSamples.page(html, at: "http://www.other.example/mention/", contentType: contentType),
            target: "http://blog.example/2008/01/hello/", postKeys: DeciderSamples.openPostKeys
        )
    }

    @Test("refuses a submission without both URLs, with a URL that is not http(s), or naming one resource twice")
    func submission() throws {
        func submit(_ form: String) throws(WebmentionRefusal) -> WebmentionSubmission {
            try WebmentionSubmission(form: URLForm(Array(form.utf8)))
        }
        let accepted = try submit("source=+http%3A%2F%2Fother.example%2Fa+&target=http%3A%2F%2Fblog.example%2F2008%2F01%2Fhello%2F")
        #expect(accepted.source == "http://other.example/a" && accepted.target == "http://blog.example/2008/01/hello/")
        #expect(throws: WebmentionRefusal.missing("source")) { try submit("target=http%3A%2F%2Fblog.example%2F") }
        #expect(throws: WebmentionRefusal.missing("target")) { try submit("source=http%3A%2F%2Fother.example%2F&target=") }
        #expect(throws: WebmentionRefusal.unsupportedURL("source")) { try submit("source=ftp%3A%2F%2Fother.example%2F&target=http%3A%2F%2Fblog.example%2F") }
        #expect(throws: WebmentionRefusal.unsupportedURL("target")) { try submit("source=http%3A%2F%2Fother.example%2F&target=blog.example") }
        #expect(throws: WebmentionRefusal.sameResource) { try submit("source=http%3A%2F%2Fblog.example%2Fa&target=https%3A%2F%2FBLOG.example%2Fa") }
    }

    @Test("takes a submission's target only when it is a post of this site that takes pings")
    func target() throws {
        #expect(try WebmentionDecider.target(resolvedAs: .post(DeciderSamples.openPost)) == DeciderSamples.openPost)
        #expect(throws: WebmentionRefusal.targetNotOurs) { try WebmentionDecider.target(resolvedAs: .notOurs) }
        #expect(throws: WebmentionRefusal.targetNotFound) { try WebmentionDecider.target(resolvedAs: .notFound) }
        #expect(throws: WebmentionRefusal.targetClosed) { try WebmentionDecider.target(resolvedAs: .post(DeciderSamples.closedPost)) }
        #expect(throws: WebmentionRefusal.targetClosed) { try WebmentionDecider.target(resolvedAs: .post(DeciderSamples.draftPost)) }
    }

    @Test("accepts a source that mentions the target: approved, verified, with WordPress's [...] excerpt")
    func accepts() throws {
        let found = try #require(mention(in: "<title>Mentioning</title><p>See <a href=\"http://blog.example/2008/01/hello/\">this</a>.</p>"))
        guard case .accept(let ping) = decider.decide(request(), mention: found, post: nil, rules: .defaults) else {
            Issue.record("not accepted")
            return
        }
        #expect(ping.kind == .webmention && ping.status == .approved && ping.verification == .verified)
        #expect(ping.postID == 1 && ping.sourceURL == "http://other.example/mention/" && ping.authorIP == "192.0.2.4")
        #expect(ping.sourceTitle == "Mentioning" && ping.content.hasPrefix("[&#8230;] ") && ping.content.contains("this"))
        #expect(ping.notificationPayload == nil)
    }

    @Test("judges plain text and JSON by the target's text, and names an untitled source by its host")
    func mediaTypes() {
        #expect(mention(in: "first line\nsee http://blog.example/2008/01/hello/ here", contentType: "text/plain")?.excerpt == "see http://blog.example/2008/01/hello/ here")
        #expect(mention(in: "{\"in-reply-to\":\"http:\\/\\/blog.example\\/2008\\/01\\/hello\\/\"}", contentType: "application/json") != nil)
        #expect(mention(in: "nothing here", contentType: "text/plain") == nil)
        #expect(mention(in: "<p><a href=\"http://blog.example/?p=1\">x</a></p>")?.title == "other.example")
    }

    @Test("refuses a source without a mention, removing the mention it stored before")
    func refusesWithoutMention() {
        #expect(mention(in: "<title>T</title><a href=\"http://blog.example/2008/01/other/\">x</a>") == nil)
        #expect(decider.decide(request(), mention: nil, post: nil, rules: .defaults) == .refuse(reason: "The source does not link to the target.", removingMention: true))
    }

    @Test("asks for the post only to notify of a mention that was found, and names it in the notification")
    func notification() throws {
        let notifying = WebmentionDecider(notifying: true)
        let found = WebmentionVerdict(title: "T", excerpt: "words")
        #expect(notifying.needsPost(for: found) && !notifying.needsPost(for: nil) && !decider.needsPost(for: found))
        guard case .accept(let ping) = notifying.decide(request(), mention: found, post: DeciderSamples.openPost, rules: .defaults) else {
            Issue.record("not accepted")
            return
        }
        let payload = try #require(ping.notificationPayload)
        for field in ["\"kind\":\"webmention\"", "\"status\":\"approved\"", "\"post_title\":\"Post 1\"", "\"excerpt\":\"words\"", "\"client_address\":\"192.0.2.4\""] {
            #expect(payload.contains(field), "\(field) in \(payload)")
        }
        // The post is gone: the mention is stored, and nobody is told of a post that is not there.
        guard case .accept(let orphan) = notifying.decide(request(), mention: found, post: nil, rules: .defaults) else { return }
        #expect(orphan.notificationPayload == nil)
    }

    @Test("refuses a gone source (410) removing its mention, retries failures that may pass with growing delays, then refuses keeping it")
    func failedFetches() {
        let gone = FetchError(url: "http://other.example/mention/", reason: .httpStatus(410))
        #expect(WebmentionDecider.decide(request(), failedFetch: gone) == .refuse(reason: "The source is gone (HTTP 410).", removingMention: true))
        let down = FetchError(url: "http://other.example/mention/", reason: .transport("Could not connect"))
        #expect(WebmentionDecider.decide(request(attempts: 0), failedFetch: down)
            == .retry(reason: "The last fetch of the source failed (\(down)); it will be tried again.", delaySeconds: 60))
        #expect(WebmentionDecider.decide(request(attempts: 3), failedFetch: down)
            == .retry(reason: "The last fetch of the source failed (\(down)); it will be tried again.", delaySeconds: 480))
        #expect(WebmentionDecider.decide(request(attempts: 4), failedFetch: down)
            == .refuse(reason: "The source could not be fetched (\(down)).", removingMention: false))
        let missing = FetchError(url: "http://other.example/mention/", reason: .httpStatus(404))
        #expect(WebmentionDecider.decide(request(), failedFetch: missing) == .refuse(reason: "The source could not be fetched (\(missing)).", removingMention: false))
    }

    @Test("a background check retries only failures that may pass (network, 5xx), 60 s doubling, for five attempts in all")
    func retryDelays() {
        let transport = FetchError(url: "u", reason: .transport("timeout"))
        #expect((0..<6).map { transport.retryDelaySeconds(afterAttempts: $0) } == [60, 120, 240, 480, nil, nil])
        #expect(FetchError(url: "u", reason: .httpStatus(503)).retryDelaySeconds(afterAttempts: 0) == 60)
        for reason: FetchError.Reason in [.httpStatus(404), .refusedAddress, .tooLarge, .unsupportedURL] {
            #expect(FetchError(url: "u", reason: reason).retryDelaySeconds(afterAttempts: 0) == nil, "\(reason)")
        }
    }
}
