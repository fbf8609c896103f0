import Foundation
import Testing
import TrackwayCore
import TrackwayFormats

/// What reaches the file: CDATA split, forbidden characters dropped, URLs escaped, meta intact.
@Suite struct WXRWriterEscapingTests {
    typealias Support = WXRWriterTestSupport

    static let site = Site(sourceKey: "blog", format: .wxr)

    @Test("]]> in content and meta is split across CDATA sections the way WordPress splits it")
    func cdataSplit() throws {
        var post = Post(sourceID: "6")
        post.content = "Literal CDATA terminator: ]]> and again ]]]]> end"
        post.meta = [MetaEntry(key: "evil", value: "]]>")]
        let output = try Support.export(site: Self.site, posts: [post])
        #expect(output.text.contains("<![CDATA[Literal CDATA terminator: ]]]]><![CDATA[> and again ]]]]]]><![CDATA[> end]]>"))
        #expect(output.text.contains("<wp:meta_value><![CDATA[]]]]><![CDATA[>]]></wp:meta_value>"))
        let item = try #require(try Support.read(output).items.first)
        #expect(item.fields["content:encoded"] == post.content)
        #expect(item.postmeta == [["evil", "]]>"]])
    }

    @Test("]]> followed by a combining mark is split too: the > still ends a CDATA section")
    func cdataSplitBeforeCombiningMark() throws {
        var post = Post(sourceID: "8")
        post.content = "not greater: ]]>\u{338} end"
        let output = try Support.export(site: Self.site, posts: [post])
        #expect(try Support.xmllintComplaint(output.bytes) == nil)
        let item = try #require(try Support.read(output).items.first)
        #expect(item.fields["content:encoded"] == post.content)
    }

    @Test("characters XML 1.0 forbids are dropped, everything else is kept")
    func forbiddenCharacters() throws {
        var post = Post(sourceID: "7")
        post.title = "Bell\u{07} and\u{01} NUL\u{00} gone\u{FFFE}, tab\tkept"
        var comment = Comment(sourceID: "1")
        comment.content = "^Q\u{11} gone, 🎉 kept"
        post.comments = [comment]
        let output = try Support.export(site: Self.site, posts: [post])
        #expect(try Support.xmllintComplaint(output.bytes) == nil)
        let item = try #require(try Support.read(output).items.first)
        #expect(item.fields["title"] == "Bell and NUL gone, tab\tkept")
        #expect(item.comments.first?.fields["wp:comment_content"] == "^Q gone, 🎉 kept")
    }

    @Test("& in link, guid and commenter URL is escaped")
    func urlsEscaped() throws {
        var post = Post(sourceID: "8")
        post.link = "http://example.com/?p=8&preview=true"
        post.guid = "http://example.com/?p=8&x=<1>"
        var comment = Comment(sourceID: "1")
        comment.authorURL = "http://commenter.example.com/?a=1&b=2"
        post.comments = [comment]
        let output = try Support.export(site: Self.site, posts: [post])
        #expect(output.text.contains("<link>http://example.com/?p=8&amp;preview=true</link>"))
        #expect(output.text.contains("<guid isPermaLink=\"false\">http://example.com/?p=8&amp;x=&lt;1&gt;</guid>"))
        #expect(output.text.contains("<wp:comment_author_url>http://commenter.example.com/?a=1&amp;b=2</wp:comment_author_url>"))
        #expect(try Support.xmllintComplaint(output.bytes) == nil)
    }

    @Test("serialized meta survives byte for byte, backslashes, quotes and blank lines included")
    func serializedMeta() throws {
        // From peer-blog.xml post 28 and the importer's test-serialized-postmeta files.
        let serialized = "a:3:{s:1:\"a\";i:1;s:1:\"b\";a:2:{i:0;s:1:\"c\";i:1;s:1:\"d\";}s:2:\"ü\";s:2:\"ß\";}"
        let path = "C:\\xampp\\htdocs\\wp-content\n\n\nthree blank lines"
        var post = Post(sourceID: "28")
        post.meta = [MetaEntry(key: "peer_array", value: serialized), MetaEntry(key: "path", value: path)]
        var comment = Comment(sourceID: "1")
        comment.meta = [MetaEntry(key: "array", value: "a:1:{s:3:\"key\";s:13:\"¯\\_(ツ)_/¯\";}")]
        post.comments = [comment]
        let output = try Support.export(site: Self.site, posts: [post])
        #expect(output.text.contains("<wp:meta_value><![CDATA[\(serialized)]]></wp:meta_value>"))
        #expect(output.text.contains("<wp:meta_value><![CDATA[\(path)]]></wp:meta_value>"))
        let item = try #require(try Support.read(output).items.first)
        #expect(item.postmeta == [["peer_array", serialized], ["path", path]])
        #expect(item.comments.first?.meta == [["array", "a:1:{s:3:\"key\";s:13:\"¯\\_(ツ)_/¯\";}"]])
    }

    @Test("_pingme, _encloseme and _trackbackme are never written; other meta is")
    func pingTriggersDropped() throws {
        var post = Post(sourceID: "9")
        post.meta = [
            MetaEntry(key: "_pingme", value: "1"),
            MetaEntry(key: "_edit_last", value: "1"),
            MetaEntry(key: "_encloseme", value: "1"),
            MetaEntry(key: "_trackbackme", value: "1"),
            MetaEntry(key: "_thumbnail_id", value: "12"),
        ]
        let output = try Support.export(site: Self.site, posts: [post])
        #expect(!output.text.contains("_pingme"))
        #expect(!output.text.contains("_encloseme"))
        #expect(!output.text.contains("_trackbackme"))
        let item = try #require(try Support.read(output).items.first)
        #expect(item.postmeta == [["_edit_last", "1"], ["_thumbnail_id", "12"]])
    }
}
