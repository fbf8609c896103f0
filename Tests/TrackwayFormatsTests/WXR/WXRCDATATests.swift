import Testing
import TrackwayCore
@testable import TrackwayFormats
import TrackwayXML

/// CDATA handling, with expected values read off the fixture files by eye and grep.
@Suite("WXR CDATA and text fidelity")
struct WXRCDATATests {
    @Test("split ]]]]><![CDATA[> sections join back into ]]>")
    func crazyCDATAEscaped() throws {
        let post = try #require(readExport(Fixture.wxr("crazy-cdata-escaped.xml")).posts.first)
        #expect(post.content == "Content with nested <![CDATA[ tags ]]> :)")
        #expect(post.meta == [
            MetaEntry(key: "Plain string", value: "Foo"),
            MetaEntry(key: "Closing CDATA", value: "]]>"),
            MetaEntry(key: "Alot of CDATA", value: "This has <![CDATA[ opening and ]]> closing <![CDATA[ tags like this: ]]>"),
        ])
    }

    @Test("adjacent CDATA sections join, surrounding whitespace kept as written")
    func multipleCDATA() throws {
        let post = try #require(readExport(Fixture.wxr("multiple-cdata.xml")).posts.first)
        #expect(post.content == "\nline oneline twoline three\n")
    }

    @Test("a near-miss ]] > stays as written")
    func cdataEdge() throws {
        #expect(try #require(readExport(Fixture.wxr("cdata-edge.xml")).posts.first).content == "ends with sequence ]] >")
    }

    @Test("blank lines inside content survive")
    func blankLines() throws {
        #expect(try #require(readExport(Fixture.wxr("blank-lines.xml")).posts.first).content == "first paragraph\n\nsecond paragraph")
    }

    @Test("backslashes are not unescaped")
    func backslashes() throws {
        #expect(try #require(readExport(Fixture.wxr("backslashes.xml")).posts.first).content == #"C:\xampp\htdocs\wp-content"#)
    }

    @Test("serialized PHP meta is kept byte for byte")
    func serializedMeta() throws {
        let chunked = try #require(readExport(Fixture.wxr("chunked-meta.xml")).posts.first)
        #expect(chunked.meta == [MetaEntry(key: "_my_meta", value: #"a:1:{s:3:"foo";s:3:"bar";}"#)])
        let withCDATA = try #require(readExport(Fixture.wxr("test-serialized-postmeta-with-cdata.xml")).posts.first)
        #expect(withCDATA.meta.contains(MetaEntry(
            key: "post-options", value: #"a:2:{s:18:"special_post_title";s:15:"A special title";s:11:"is_calendar";s:0:"";}"#
        )))
        #expect(withCDATA.meta.contains(MetaEntry(key: "evil", value: "<wp:meta_value>evil</wp:meta_value>")))
        #expect(withCDATA.meta.contains(MetaEntry(key: "string", value: #"¯\_(ツ)_/¯"#)))
    }

    @Test("slashes.xml keeps every backslash and quote in content and comments")
    func slashes() throws {
        let result = readExport(Fixture.wxr("slashes.xml"))
        let post = try #require(result.posts.first)
        // grep -n 'content:encoded\|comment_content' slashes.xml: lines 52 and 79
        #expect(post.content == #"Slashes aren\'t \"cool\""#)
        #expect(post.comments.first?.content == #"\o/ ¯\_(ツ)_/¯"#)
    }

    @Test("a 12 MB CDATA node imports whole")
    func hugeNode() throws {
        let body = String(repeating: "0123456789abcdef", count: 12 * 1024 * 1024 / 16)
        let result = try readDocument(wxrDocument(items: """
        <item><wp:post_id>9</wp:post_id><content:encoded><![CDATA[\(body)]]></content:encoded></item>
        """))
        #expect(result.error == nil)
        #expect(result.posts.first?.content.utf8.count == body.utf8.count)
    }

    /// Paragraphs with characters of every UTF-8 length and brackets that end no section.
    static func longBody(paragraphs: Int) -> String {
        (1...paragraphs).map { "<p>paragraph \($0): café 東京 🎉 [caption]a]b]][/caption] ]] ></p>\n" }.joined()
    }

    @Test("long posts and comments, on many lines and on one, import byte for byte")
    func longSections() throws {
        let body = Self.longBody(paragraphs: 20_000)
        let oneLine = String(repeating: "é東🎉 ]x", count: 40_000)
        let result = try readDocument(wxrDocument(items: """
        <item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[\(body)]]></content:encoded>
        <excerpt:encoded><![CDATA[\(oneLine)]]]]><![CDATA[>]]></excerpt:encoded>
        <wp:comment><wp:comment_id>5</wp:comment_id><wp:comment_content><![CDATA[\(body)]]></wp:comment_content></wp:comment></item>
        """))
        #expect(result.error == nil)
        let post = try #require(result.posts.first)
        #expect(post.content == body)
        #expect(post.excerpt == oneLine + "]]>")
        #expect(post.comments.first?.content == body)
    }

    @Test("a long post in an ISO-8859-1 export imports whole and converted")
    func longLatin1Section() throws {
        let body = (1...20_000).map { "<p>paragraph \($0): café naïve déjà vu ]] ></p>\n" }.joined()
        let document = wxrDocument(items: """
        <item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[\(body)]]></content:encoded></item>
        """)
        // The UTF-8 declaration line swapped, and every character (all in Latin-1) one byte.
        let rest = try #require(document.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).last)
        let bytes = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n" + rest).unicodeScalars.map { UInt8($0.value) }
        let result = try readDocument(bytes: bytes)
        #expect(result.error == nil)
        #expect(result.posts.first?.content == body)
    }

    @Test("an error after long sections is reported at the line and column of the file as written")
    func errorPositionAfterLongSections() throws {
        let body = Self.longBody(paragraphs: 2_000)
        let document = wxrDocument(items: """
        <item><wp:post_id>1</wp:post_id><content:encoded><![CDATA[\(body)]]></content:encoded></item>
        <item><wp:post_id>2</wp:post_id><content:encoded><![CDATA[\(body)]]></content:encoded><title>x</titel></item>
        """)
        // The line by counting; the column from libxml2 reading the unfiltered bytes.
        let badLine = document.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .firstIndex { $0.starts(with: Array("]]></content:encoded><title>x</titel>".utf8)) }.map { $0 + 1 }
        var reference: XMLParseError?
        do {
            let reader = try XMLPullReader(bytes: Array(document.utf8), strict: false)
            while try reader.read() {}
        } catch let error as XMLParseError {
            reference = error
        }
        let result = try readDocument(document)
        let error = try #require(result.error as? ImportError)
        #expect(error.line == badLine)
        #expect(error.line == reference?.line)
        #expect(error.column == reference?.column)
        #expect(result.posts.map(\.sourceID) == ["1"])
    }
}
