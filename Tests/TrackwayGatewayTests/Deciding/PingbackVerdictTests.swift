import Testing
@testable import TrackwayGateway

@Suite struct PingbackVerdictTests {
    private let keys = DeciderSamples.openPostKeys

    @Test("finds the first link to any address of the post, with a query added or not, and none on a page without one")
    func links() {
        let page = DeciderSamples.scanned("""
            <p>First <a href="http://elsewhere.example/">away</a>.</p>
            <p>Then <a href="https://www.blog.example/?p=1">the guid</a> and <a href="http://blog.example/2008/01/hello/">the permalink</a>.</p>
            """)
        #expect(PingbackVerdict.link(in: page, toAnyOf: keys)?.text == "the guid")
        let tracked = DeciderSamples.scanned("<p><a href=\"http://blog.example/2008/01/hello/?utm_source=feed\">x</a></p>")
        #expect(PingbackVerdict.link(in: tracked, toAnyOf: keys) != nil)
        let near = DeciderSamples.scanned("<p><a href=\"http://blog.example/2008/01/hello-again/\">x</a> <a href=\"mailto:a@blog.example\">m</a></p>")
        #expect(PingbackVerdict.link(in: near, toAnyOf: keys) == nil)
    }

    @Test("stores the excerpt as WordPress does: escaped, between [&#8230;] marks")
    func content() {
        #expect(PingbackVerdict.content(excerpt: HTMLText.escaped("a <b> & 'c'")) == "[&#8230;] a &lt;b&gt; &amp; &#039;c&#039; [&#8230;]")
    }
}
