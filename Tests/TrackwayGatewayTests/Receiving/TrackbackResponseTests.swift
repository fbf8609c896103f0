import Testing
@testable import TrackwayGateway

@Suite struct TrackbackResponseTests {
    @Test("writes an error with its message escaped, laid out line by line as WordPress does")
    func error() throws {
        #expect(String(decoding: try TrackbackResponse.error("a < b & \"c\""), as: UTF8.self) == """
            <?xml version="1.0" encoding="utf-8"?>
            <response>
            <error>1</error>
            <message>a &lt; b &amp; &quot;c&quot;</message>
            </response>
            """)
    }

    @Test("lists a post's trackbacks as RSS 0.91 inside a success answer, leaving out empty excerpts")
    func rss() throws {
        let body = try TrackbackResponse.rss(title: "Hello & welcome", link: "http://blog.example/hello/", items: [
            (title: "First", link: "http://a.example/1", excerpt: "words"), (title: "Second", link: "http://b.example/2", excerpt: ""),
        ])
        #expect(String(decoding: body, as: UTF8.self) == """
            <?xml version="1.0" encoding="utf-8"?>
            <response>
            <error>0</error>
            <rss version="0.91"><channel><title>Hello &amp; welcome</title><link>http://blog.example/hello/</link>\
            <description>TrackBacks for Hello &amp; welcome</description><language>en-us</language>\
            <item><title>First</title><link>http://a.example/1</link><description>words</description></item>\
            <item><title>Second</title><link>http://b.example/2</link></item></channel></rss>
            </response>
            """)
    }
}
