import Testing
import TrackwayXML

/// The HTML scanner as verification uses it on fetched pages: every link with its words, the
/// title, whatever the charset and however broken the markup.
@Suite struct HTMLLinkScannerTests {
    private func scan(_ html: String, pageURL: String = "http://their.example/2008/01/post/") -> HTMLPage {
        HTMLLinkScanner.scan(Array(html.utf8), pageURL: pageURL)
    }

    @Test("lists every <a href> in document order, resolved against the page, with its text and its paragraph")
    func links() {
        let page = scan("""
            <html><body>
            <p>First see <a href="/2008/01/other/">the <b>other</b> post</a>.</p>
            <ul><li>Then <a href="../../02/next/#c1">next</a></li><li><a name="anchor">no href</a></li></ul>
            <p><a href="http://blog.example/2008/01/hello/">Hello</a></p>
            </body></html>
            """)
        #expect(page.links == [
            HTMLLink(url: "http://their.example/2008/01/other/", text: "the other post", paragraph: "First see the other post."),
            HTMLLink(url: "http://their.example/2008/02/next/#c1", text: "next", paragraph: "Then next"),
            HTMLLink(url: "http://blog.example/2008/01/hello/", text: "Hello", paragraph: "Hello"),
        ])
    }

    @Test("takes the first <title>, whitespace collapsed and entities decoded; a page without one has an empty title")
    func title() {
        #expect(scan("<html><head><title>\n  Caf&eacute;   &amp;\tco </title><title>second</title></head></html>").title == "Café & co")
        #expect(scan("<html><body><p>untitled</p></body></html>").title == "")
    }

    @Test("decodes a page in the charset its <meta> declares, or in the one Content-Type gives")
    func charset() {
        // "Café" in ISO-8859-1: é is the single byte 0xE9, not valid UTF-8.
        let latin1: [UInt8] = Array("<html><head><meta charset=\"iso-8859-1\"><title>Caf".utf8) + [0xE9] + Array("</title></head></html>".utf8)
        #expect(HTMLLinkScanner.scan(latin1, pageURL: "http://a.example/").title == "Café")
        let undeclared: [UInt8] = Array("<html><head><title>Caf".utf8) + [0xE9] + Array("</title></head></html>".utf8)
        #expect(HTMLLinkScanner.scan(undeclared, pageURL: "http://a.example/", charset: "iso-8859-1").title == "Café")
        let utf8 = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><title>東京</title></head></html>"
        #expect(scan(utf8).title == "東京")
    }

    @Test("reads broken markup as a browser does: unclosed and stray tags, unquoted attributes, no <html> at all")
    func brokenMarkup() {
        let page = scan("<title>Broken</title><p>text <a href=/x/>one</a></i></b> <a href='/y/'>two<p><a href=\"/z/\">three")
        #expect(page.title == "Broken")
        #expect(page.links.map(\.url) == ["http://their.example/x/", "http://their.example/y/", "http://their.example/z/"])
    }

    @Test("stops listing links at maxLinks, so a page of endless links costs a bounded list")
    func linkCap() {
        let html = String(repeating: "<a href=\"/p\">x</a>", count: HTMLLinkScanner.maxLinks + 10)
        #expect(scan(html).links.count == HTMLLinkScanner.maxLinks)
    }

    @Test("a page that is not HTML at all scans to no title and no links")
    func notHTML() {
        #expect(HTMLLinkScanner.scan([], pageURL: "http://a.example/") == HTMLPage(title: "", links: []))
        #expect(scan("just some text, http://blog.example/ unlinked").links.isEmpty)
    }
}
