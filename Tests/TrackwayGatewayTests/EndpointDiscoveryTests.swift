import Foundation
import Testing
import TrackwayTesting
import TrackwayXML
@testable import TrackwayGateway

/// Discovery and answer reading as pure functions: headers and HTML in, endpoints out; answer
/// bodies in, outcomes out. No sockets.
@Suite struct EndpointDiscoveryTests {
    let page = "http://their.example/2008/01/hello/"

    private func discover(_ html: String, headers: [(name: String, value: String)] = [], pageURL: String? = nil) -> DiscoveredEndpoints {
        EndpointDiscovery.discover(targetURL: page, pageURL: pageURL ?? page, headers: headers, body: Array(html.utf8))
    }

    @Test("reads Link headers: several links, quoted commas and semicolons, quoted and multi-valued rel, first rel only")
    func linkHeader() {
        let links = LinkHeader.parse(#"</a,b;c>; rel="other webmention"; title="x, y", <http://b.example/wm>; REL=WebMention; rel=alternate"#)
        #expect(links.map(\.target) == ["/a,b;c", "http://b.example/wm"])
        #expect(links.map(\.rels) == [["other", "webmention"], ["webmention"]])
        #expect(LinkHeader.parse("no angle brackets; rel=webmention").isEmpty)
    }

    @Test("takes X-Pingback over the <link>, and only a <link> element for pingback")
    func pingback() {
        let html = #"<html><head><link rel="pingback" href="/from-link.php"></head><body><a rel="pingback" href="/from-a">x</a></body></html>"#
        #expect(discover(html, headers: [("X-Pingback", "http://their.example/xmlrpc.php")]).pingback == "http://their.example/xmlrpc.php")
        #expect(discover(html).pingback == "http://their.example/from-link.php")
        #expect(discover(#"<a rel="pingback" href="/from-a">x</a>"#).pingback == nil)
    }

    @Test("finds the TrackBack RDF describing the target in a comment, entities decoded, relative ping resolved")
    func trackbackRDF() {
        let html = """
            <html><body><!--
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:trackback="http://madskills.com/public/xml/rss/module/trackback/">
            <rdf:Description rdf:about="http://their.example/2008/01/other/" dc:identifier="http://their.example/2008/01/other/" trackback:ping="/tb/other" />
            </rdf:RDF>
            --><!--
            <rdf:RDF><rdf:Description rdf:about="http://their.example/2008/01/hello" dc:title="Caf&eacute; &amp; co" trackback:ping="/mt-tb.cgi?tb_id=5&amp;x=1" /></rdf:RDF>
            --></body></html>
            """
        #expect(discover(html).trackback == "http://their.example/mt-tb.cgi?tb_id=5&x=1")
        let scanned = HTMLLinkScanner.scan(Array(html.utf8), pageURL: page)
        #expect(scanned.trackbackRDF.map(\.title) == ["", "Café & co"])
    }

    @Test("on an archive page with several RDF blocks and none for the target, takes none; a single block is the page's own")
    func trackbackArchive() {
        let block = { (post: String) in #"<!-- <rdf:RDF><rdf:Description dc:identifier="http://their.example/\#(post)/" trackback:ping="/tb/\#(post)" /></rdf:RDF> -->"# }
        #expect(discover("<html><body>" + block("a") + block("b") + "</body></html>").trackback == nil)
        #expect(discover("<html><body>" + block("a") + "</body></html>").trackback == "http://their.example/tb/a")
        #expect(discover(#"<html><body><a rel="trackback" href="/tb/by-rel">x</a></body></html>"#).trackback == "http://their.example/tb/by-rel")
    }

    @Test("reads an uncommented RDF block too, and Trackway's own discovery page for all three protocols")
    func ownDiscoveryPage() {
        let html = DiscoveryPage(
            title: "Hello & welcome", permalink: page, originalLink: page,
            trackbackURL: "http://gw.example/2008/01/hello/trackback/", pingbackURL: "http://gw.example/xmlrpc.php",
            webmentionURL: "http://gw.example/webmention"
        ).html()
        let found = discover(html)
        #expect(found.pingback == "http://gw.example/xmlrpc.php")
        #expect(found.trackback == "http://gw.example/2008/01/hello/trackback/")
        #expect(found.webmention == "http://gw.example/webmention")
        #expect(found.preferred == .webmention)
        let bare = #"<html><body><rdf:RDF><rdf:Description rdf:about="\#(page)" trackback:ping="/tb/9" /></rdf:RDF></body></html>"#
        #expect(discover(bare).trackback == "http://their.example/tb/9")
    }

    @Test("resolves relative endpoints against the page after redirects")
    func relativeToFinalPage() {
        let found = discover(#"<link rel="webmention" href="wm">"#, headers: [("X-Pingback", "../xmlrpc")], pageURL: "http://moved.example/a/b/")
        #expect(found.webmention == "http://moved.example/a/b/wm")
        #expect(found.pingback == "http://moved.example/a/xmlrpc")
    }

    @Test("lists a post's outbound links: other sites only, no bare domains, once each without fragments")
    func outboundLinks() {
        let content = """
            <a href="http://their.example/p/1#c">a</a> <a href="/about/">own, relative</a> <a href="https://www.me.example/x">own, www</a>
            <a href="http://their.example/p/1">again</a> <a href="http://home.example/">home</a> <a href="http://home.example/?p=3">query</a>
            <a href="mailto:x@y.example">mail</a> <a href="ftp://files.example/f">ftp</a>
            """
        #expect(OutboundLinks.candidates(content: content, postURL: "http://me.example/2024/mine/", ownSiteURLs: ["http://me.example"])
            == ["http://their.example/p/1", "http://home.example/?p=3"])
    }

    @Test("makes a TrackBack excerpt of a post's HTML: text only (no script or style), entities decoded, 252 characters and an ellipsis")
    func excerpt() {
        #expect(PingMessage.excerpt(fromHTML: "<p>Caf&eacute; <b>au</b>\n lait &amp; <script>x()</script><style>p {}</style>cr&#232;me</p>") == "Café au lait & crème")
        let long = PingMessage.excerpt(fromHTML: "<p>" + String(repeating: "ab ", count: 200) + "</p>")
        #expect(long.count == 253 && long.hasSuffix("\u{2026}") && long.hasPrefix("ab ab"))
        #expect(PingMessage.excerpt(fromHTML: "") == "")
    }

    @Test("encodes forms so URLForm reads back every byte", arguments: ["plain", "a b&c=d+e%f", "Ünïcode 東京 🙂", ""])
    func formRoundTrip(_ value: String) {
        let body = URLForm.encoded([("title", value), ("url", "http://x.example/?a=1&b=2")])
        let form = URLForm(body)
        #expect(form.string("title") == value)
        #expect(form.string("url") == "http://x.example/?a=1&b=2")
    }

    @Test("reads WordPress's recorded TrackBack answers", arguments: [
        "trackback-success.xml", "trackback-error-pings-closed.xml", "trackback-error-duplicate.xml",
    ])
    func trackbackAnswers(_ fixture: String) throws {
        let body = try ProtocolFixtures.text(fixture)
        let parsed = TrackbackReply(parsing: Array(body.utf8))
        let reply = try #require(parsed)
        #expect(reply.error == ProtocolFixtures.firstElementText("error", in: body))
        #expect(reply.message == (ProtocolFixtures.firstElementText("message", in: body) ?? ""))
        #expect(reply.isSuccess == fixture.hasPrefix("trackback-success"))
    }

    @Test("finds no TrackBack reply in an HTML page, such as WordPress's recorded 404 for a missing post")
    func notATrackbackReply() throws {
        let page = Array(try ProtocolFixtures.text("trackback-error-no-such-post.xml").utf8)
        let parsed = TrackbackReply(parsing: page)
        #expect(parsed == nil)
        let html = TrackbackReply(parsing: Array("<html>not a reply</html>".utf8))
        #expect(html == nil)
    }

    @Test("judges answers: pingback faults with their code and WordPress's text, 2xx Webmention accepted, 4xx refused")
    func answers() throws {
        let sender = PingSender(allowPrivateAddresses: false)
        for fixture in ["pingback-fault17-no-link-unmasked.xml", "pingback-fault48-duplicate.xml", "pingback-fault33-pings-closed-unmasked.xml"] {
            let body = try ProtocolFixtures.text(fixture)
            var outcome = PingOutcome(source: "s", target: "t", result: .failed, message: "")
            sender.read(FetchedPage(url: "e", status: 200, body: Array(body.utf8)), via: .pingback, into: &outcome)
            #expect(outcome.result == .fault)
            #expect(outcome.faultCode.map(String.init) == ProtocolFixtures.firstElementText("int", in: body))
            #expect(outcome.message == ProtocolFixtures.firstElementText("string", in: body))
            #expect(outcome.isSettled == (outcome.faultCode == 48))
        }
        var mention = PingOutcome(source: "s", target: "t", result: .failed, message: "")
        sender.read(FetchedPage(url: "e", status: 202, body: []), via: .webmention, into: &mention)
        #expect(mention.result == .accepted)
        sender.read(FetchedPage(url: "e", status: 400, body: Array("<p>no link</p>".utf8)), via: .webmention, into: &mention)
        #expect(mention.result == .refused && mention.message == "no link")
        sender.read(FetchedPage(url: "e", status: 200, body: Array("<html/>".utf8)), via: .pingback, into: &mention)
        #expect(mention.result == .failed)
    }

    @Test("trims spaces, tabs and lone line breaks around an href, as browsers do, so the link still counts")
    func hrefWhitespace() {
        let html = "<html><body><p><a href=\"\n http://a.example/post/\n\">x</a> <a href=\"\thttp://a.example/other/\r\">y</a></p></body></html>"
        let urls = HTMLLinkScanner.scan(Array(html.utf8), pageURL: "http://their.example/").links.map(\.url)
        #expect(urls == ["http://a.example/post/", "http://a.example/other/"])
        #expect("\r\n x \n".trimmingCharacters(in: " \t\r\n") == "x")
    }

    @Test("finds text byte for byte: the first match, in Substrings too, across multi-byte characters, nothing for a near miss")
    func utf8Search() {
        let text = "Ünïcode 東京 &am &amp; then &amp; again"
        let range = text.firstUTF8Range(of: "&amp;")
        #expect(range.map { text[$0] } == "&amp;")
        #expect(range.map { text[..<$0.lowerBound] } == "Ünïcode 東京 &am ")
        #expect(text.firstUTF8Range(of: "東京").map { text[$0] } == "東京")
        #expect(text.dropFirst(8).firstUTF8Range(of: "again").map { text[$0.upperBound...] } == "")
        #expect(text.firstUTF8Range(of: "&amp;x") == nil)
        #expect("a".replacingAll("&amp;", with: "&") == "a")
        #expect("http://x/?a=1&amp;b=2&amp;c".replacingAll("&amp;", with: "&") == "http://x/?a=1&b=2&c")
        // A link's context is its paragraph around the link text.
        let page = "<p>Ünïcode 東京, as <a href=\"http://t.example/\">Harbour Notes</a> wrote.</p>"
        let link = HTMLLinkScanner.scan(Array(page.utf8), pageURL: "http://s.example/").links.first
        #expect(link?.context == "Ünïcode 東京, as Harbour Notes wrote.")
    }

    @Test("collapses every Unicode whitespace run to one space: ASCII controls, no-break and em spaces, CRLF")
    func collapsedWhitespace() {
        #expect(HTMLLinkScanner.collapsed(" a\u{0B}\u{0C}b\u{A0}c \r\n d\u{2003}\u{85}e\t ") == "a b c d e")
        #expect(HTMLLinkScanner.collapsed("\u{1F}x\u{1C}") == "\u{1F}x\u{1C}", "information separators are not White_Space")
        // Punctuation and symbols that share a first byte with White_Space scalars stay whole.
        #expect(HTMLLinkScanner.collapsed("\u{3000}it’s “1…2” — ok\u{2029}🎉\u{1680}\u{A0}") == "it’s “1…2” — ok 🎉")
    }
}
