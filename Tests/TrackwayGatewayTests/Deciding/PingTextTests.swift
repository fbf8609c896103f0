import Foundation
import Testing
import TrackwayCore
import TrackwayStore
import TrackwayXMLRPC
@testable import TrackwayGateway

/// What a received ping's titles, blog name and excerpt hold: HTML text, as WordPress stores a
/// comment's author and content (references intact, nothing escaped twice, no markup), and
/// plain text wherever they are shown as text.
@Suite struct PingTextTests {
    /// The form body WordPress 6.1.9 sent to the gateway for a post of its own (recorded; issue 18).
    static let wordPressForm = "title=WordPress%26%238217%3Bs+client+ping%3A+caf%C3%A9+%26%23038%3B+%26%238220%3Bquotes%26%238221%3B&url=http%3A%2F%2F127.0.0.1%3A8090%2F2013%2F01%2Fwp-client-ping-bb347fb700%2F&blog_name=Peer+Blog&excerpt=This+post+was+written+by+the+reference+peer+so+that+WordPress+sends+a+pingback.+It+links+to+the+target+post.+Second+paragraph%2C+so+that+the+TrackBack+excerpt+shows+how+WordPress+encodes+text%3A+it%26%238217%3Bs+got+%26%238220%3Bstraight+quotes%26%238221%3B%2C+caf%C3%A9%2C+%E6%97%A5%E6%9C%AC%E8%AA%9E%2C+an+e%26%238230%3B"
    static let wordPressTitle = "WordPress&#8217;s client ping: caf\u{E9} &#038; &#8220;quotes&#8221;"
    static let wordPressExcerpt = "This post was written by the reference peer so that WordPress sends a pingback. It links to the target post. Second paragraph, so that the TrackBack excerpt shows how WordPress encodes text: it&#8217;s got &#8220;straight quotes&#8221;, caf\u{E9}, 日本語, an e&#8230;"
    /// The title as a reader sees it.
    static let shownTitle = "WordPress\u{2019}s client ping: caf\u{E9} & \u{201C}quotes\u{201D}"

    private let notifying = TrackbackDecider(maxBodyBytes: 10_000, bodyTimeoutSeconds: 2, notifying: true)

    private func trackback(_ form: String, contentType: String? = nil) throws -> NewPing {
        let decision = notifying.decide(body: Array(form.utf8), contentType: contentType, post: DeciderSamples.openPost, clientAddress: "192.0.2.9", userAgent: "", rules: .defaults)
        guard case .store(let ping) = decision else { throw Refused() }
        return ping
    }

    private struct Refused: Error {}

    private func notification(_ ping: NewPing) throws -> [String: Any] {
        let payload = try #require(ping.notificationPayload)
        return try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
    }

    @Test("stores WordPress's TrackBack as WordPress's receiver stores it, `<strong>title</strong>` and the excerpt with their references intact")
    func wordPressPing() throws {
        let ping = try trackback(Self.wordPressForm)
        #expect(ping.sourceTitle == Self.wordPressTitle)
        #expect(ping.blogName == "Peer Blog")
        #expect(ping.content == "<strong>\(Self.wordPressTitle)</strong>\n\n\(Self.wordPressExcerpt)")
    }

    @Test("notifies the owner of WordPress's TrackBack in plain text: the references decoded, once")
    func wordPressPingNotified() throws {
        let sent = try notification(try trackback(Self.wordPressForm))
        #expect(sent["source_title"] as? String == Self.shownTitle)
        #expect(sent["blog_name"] as? String == "Peer Blog")
        #expect((sent["excerpt"] as? String)?.hasSuffix("it\u{2019}s got \u{201C}straight quotes\u{201D}, caf\u{E9}, 日本語, an e\u{2026}") == true)
    }

    @Test("escapes only what is not HTML text, a bare & and < and >, and keeps every valid character reference")
    func escapesOnlyBareCharacters() throws {
        let ping = try trackback("url=http%3A%2F%2Ftb.example%2Fa&title=AT%26T+%26amp%3B+%26copy%3B+%26%23169%3B+1+%3C+2+%3E+0+%26nosuch%3B&blog_name=Tom+%26+Jerry")
        #expect(ping.sourceTitle == "AT&amp;T &amp; &copy; &#169; 1 &lt; 2 &gt; 0 &amp;nosuch;")
        #expect(ping.blogName == "Tom &amp; Jerry")
        let sent = try notification(ping)
        #expect(sent["source_title"] as? String == "AT&T & © © 1 < 2 > 0 &nosuch;" && sent["blog_name"] as? String == "Tom & Jerry")
    }

    @Test("drops markup from the title, excerpt and blog name, scripts, styles and comments with their text, as WordPress strips every tag from them")
    func dropsMarkup() throws {
        let title = "%3Cem%3EHi%3C%2Fem%3E+%3Ca+href%3D%22http%3A%2F%2Fx.example%2F%3Fa%3D1%26amp%3Bb%22%3Ethere%3C%2Fa%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E"
        let excerpt = "%3Cp%3EOne%3C%2Fp%3E%0A%3Cp%3Etwo+%3Cstrong%3Ebold%3C%2Fstrong%3E%3C%2Fp%3E%3C!--+hidden+--%3E%3Cstyle%3Ep%7B%7D%3C%2Fstyle%3E"
        let ping = try trackback("url=http%3A%2F%2Ftb.example%2Fm&title=\(title)&excerpt=\(excerpt)&blog_name=%3Cb%3EMy%3C%2Fb%3E+blog")
        #expect(ping.sourceTitle == "Hi there")
        #expect(ping.blogName == "My blog")
        #expect(ping.content == "<strong>Hi there</strong>\n\nOne two bold")
    }

    @Test("keeps the references a Movable Type sender writes for what ISO-8859-1 cannot hold, once the text is in UTF-8")
    func latin1References() throws {
        let ping = try trackback("url=http%3A%2F%2Ftb.example%2Fmt&title=Caf%E9+%26%238217%3Bs+%26eacute%3B&excerpt=%AB%26%238220%3Bq%26%238221%3B%BB&charset=iso-8859-1")
        #expect(ping.sourceTitle == "Caf\u{E9} &#8217;s &eacute;")
        #expect(ping.content == "<strong>Caf\u{E9} &#8217;s &eacute;</strong>\n\n\u{AB}&#8220;q&#8221;\u{BB}")
        #expect(try notification(ping)["source_title"] as? String == "Caf\u{E9} \u{2019}s \u{E9}")
    }

    @Test("cuts a long title without leaving part of a reference, as wp_html_excerpt does, and a reference before the cut stays whole")
    func cutKeepsReferencesWhole() throws {
        let split = String(repeating: "a", count: 247) + "%26%238217%3Bxyz"
        #expect(try trackback("url=http%3A%2F%2Ftb.example%2Fc&title=\(split)").sourceTitle == String(repeating: "a", count: 247) + "&#8230;")
        let whole = String(repeating: "a", count: 240) + "%26%238217%3B" + String(repeating: "b", count: 20)
        #expect(try trackback("url=http%3A%2F%2Ftb.example%2Fw&title=\(whole)").sourceTitle
            == String(repeating: "a", count: 240) + "&#8217;bbb&#8230;")
    }

    @Test("stores a page's title as HTML text for the background check of a trackback")
    func verdictTitle() {
        let page = DeciderSamples.scanned("<title>Tom &amp; Jerry&#8217;s &lt;page&gt;</title><a href=\"http://blog.example/2008/01/hello/\">x</a>")
        #expect(TrackbackDecider.verdict(on: page, postKeys: DeciderSamples.openPostKeys).sourceTitle == "Tom &amp; Jerry\u{2019}s &lt;page&gt;")
    }

    @Test("stores a pingback's title, read from the page's <title>, as HTML text and notifies it as the page shows it")
    func pingbackTitle() throws {
        let page = DeciderSamples.page(
            "<title>Tom &amp; Jerry&#8217;s &lt;page&gt;</title><p>See <a href=\"http://blog.example/2008/01/hello/\">this &amp; that</a>.</p>"
        )
        let html = try #require(PingbackDecider.scan(page))
        let call = try PingbackDecider.call(from: [.string("http://other.example/citing/"), .string("http://blog.example/2008/01/hello/")])
        let ping = try PingbackDecider(wordpressFaults: false, notifying: true)
            .ping(call, to: DeciderSamples.openPost, page: html, postKeys: DeciderSamples.openPostKeys, clientAddress: "192.0.2.7", userAgent: "", rules: .defaults)
        #expect(ping.sourceTitle == "Tom &amp; Jerry\u{2019}s &lt;page&gt;")
        #expect(ping.content == "[&#8230;] See this &amp; that. [&#8230;]")
        let sent = try notification(ping)
        #expect(sent["source_title"] as? String == "Tom & Jerry\u{2019}s <page>" && sent["excerpt"] as? String == "See this & that.")
    }

    @Test("shows a stored ping's titles and blog name as plain text and leaves its content HTML")
    func plainText() {
        let stored = Ping(
            id: 1, postID: 1, postTitle: "Caf&eacute; <em>notes</em>", kind: .trackback, status: .pending, sourceURL: "http://tb.example/",
            sourceTitle: Self.wordPressTitle, blogName: "Tom &amp; Jerry", content: "<strong>\(Self.wordPressTitle)</strong>\n\nx", authorIP: "192.0.2.9",
            origin: "gateway", verification: .queued, createdAt: "2026-12-05 10:00:00"
        )
        let shown = stored.plainText
        #expect(shown.postTitle == "Caf\u{E9} notes" && shown.sourceTitle == Self.shownTitle && shown.blogName == "Tom & Jerry")
        #expect(shown.content == stored.content && shown.sourceURL == stored.sourceURL)
    }
}
