import Testing
import TrackwayStore
@testable import TrackwayGateway

/// `mt-tb.cgi` URLs taken apart, and MT's decisions for a kept ping target, from strings.
@Suite struct MovableTypeTrackbackDeciderTests {
    private func target(_ subject: StoredTrackbackTarget.Subject, disabled: Bool = false, passphrase: String = "") -> StoredTrackbackTarget {
        StoredTrackbackTarget(trackbackID: 5, siteID: 1, subject: subject, isDisabled: disabled, passphrase: passphrase)
    }

    private func url(_ path: String, _ query: String? = nil) throws -> MovableTypeTrackbackURL {
        try #require(MovableTypeTrackbackURL(path: path, query: query))
    }

    @Test("the id comes from tb_id first, else the segment after mt-tb.cgi under any CGI path; the passphrase from the next segment or pass")
    func urlForms() throws {
        #expect(try url("/mt/mt-tb.cgi/12") == MovableTypeTrackbackURL(path: "/cgi-bin/mt/mt-tb.cgi/12/", query: nil))
        #expect(try url("/cgi-bin/mt/mt-tb.cgi/12").trackbackID == "12")
        #expect(try url("/mt-tb.cgi/12/sesame").passphrase == "sesame")
        #expect(try url("/mt/mt-tb.cgi", "tb_id=7&pass=open").trackbackID == "7")
        #expect(try url("/mt/mt-tb.cgi", "tb_id=7&pass=open").passphrase == "open")
        #expect(try url("/mt/mt-tb.cgi/12", "tb_id=7").trackbackID == "7")
        #expect(try url("/mt/mt-tb.cgi/x1").numericID == nil)
        #expect(MovableTypeTrackbackURL(path: "/mt/mt-tb.cgi", query: nil) == nil)
        #expect(MovableTypeTrackbackURL(path: "/2008/01/hello/trackback/", query: nil) == nil)
    }

    @Test("a POST to a published entry's target is received; a draft's is an invalid id; a category's is refused as disabled")
    func routes() throws {
        let open = DeciderSamples.openPost
        let url = try url("/mt/mt-tb.cgi/5")
        #expect(MovableTypeTrackbackDecider.route(method: .post, query: nil, url: url, target: target(.post(open))) == .receive(open))
        #expect(MovableTypeTrackbackDecider.route(method: .post, query: nil, url: url, target: target(.post(DeciderSamples.draftPost)))
            == .answer(.error("Invalid TrackBack ID '5'")))
        #expect(MovableTypeTrackbackDecider.route(method: .post, query: nil, url: url, target: target(.category(name: "Green")))
            == .answer(.error("This TrackBack item is disabled.")))
        #expect(MovableTypeTrackbackDecider.route(method: .get, query: "__mode=rss", url: url, target: target(.post(open))) == .listTrackbacks(open))
        #expect(MovableTypeTrackbackDecider.route(method: .get, query: nil, url: url, target: target(.post(open))) == .showDiscovery(open))
        guard case .answer(let answer) = MovableTypeTrackbackDecider.route(method: .put, query: nil, url: url, target: target(.post(open))) else {
            Issue.record("a PUT was not refused")
            return
        }
        #expect(answer.error == "Trackback pings must use HTTP POST")
        #expect(answer.status == .methodNotAllowed)
    }

    @Test("after the body's checks: a disabled target or an entry closed to pings is disabled, then the passphrase must match")
    func refusals() {
        let open = DeciderSamples.openPost
        #expect(MovableTypeTrackbackDecider.refusal(target: target(.post(open)), post: open, passphrase: nil) == nil)
        #expect(MovableTypeTrackbackDecider.refusal(target: target(.post(open), disabled: true), post: open, passphrase: nil)
            == .error("This TrackBack item is disabled."))
        let closed = DeciderSamples.closedPost
        #expect(MovableTypeTrackbackDecider.refusal(target: target(.post(closed)), post: closed, passphrase: nil)
            == .error("This TrackBack item is disabled."))
        let protected = target(.post(open), passphrase: "sesame")
        #expect(MovableTypeTrackbackDecider.refusal(target: protected, post: open, passphrase: nil)
            == .error("This TrackBack item is protected by a passphrase."))
        #expect(MovableTypeTrackbackDecider.refusal(target: protected, post: open, passphrase: "wrong")
            == .error("This TrackBack item is protected by a passphrase."))
        #expect(MovableTypeTrackbackDecider.refusal(target: protected, post: open, passphrase: "sesame") == nil)
    }
}
