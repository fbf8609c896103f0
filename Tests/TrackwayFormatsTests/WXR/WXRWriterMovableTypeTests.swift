import Foundation
import Testing
import TrackwayCore
import TrackwayFormats

/// A Movable Type site written in WordPress's vocabulary.
@Suite struct WXRWriterMovableTypeTests {
    typealias Support = WXRWriterTestSupport

    static let site: Site = {
        var site = Site(sourceKey: "mt-blog", format: .movableType)
        site.title = "My MT Blog"
        site.link = "http://blog.example.com/"
        return site
    }()

    /// Shaped like the entry with comments and pings in the MovableTypeParser.NET samples.
    static let entry: Post = {
        var post = Post(sourceID: "hello-world")
        post.title = "Hello World"
        post.slug = "hello-world"
        post.creator = "Joe Bloggs"
        post.status = "Review"
        post.commentStatus = "1"
        post.pingStatus = "0"
        post.postDate = "2009-01-31 15:31:05"
        post.postDateGMT = "2009-01-31 20:31:05"
        post.content = "<p>Body text.</p>"
        post.sourceFields = [
            MetaEntry(key: "EXTENDED BODY", value: "<p>The rest of it.</p>"),
            MetaEntry(key: "KEYWORDS", value: "first post, hello"),
            MetaEntry(key: "CONVERT BREAKS", value: "wysiwyg"),
            MetaEntry(key: "UNIQUE URL", value: "http://blog.example.com/2009/01/hello-world.html"),
        ]
        var comment = Comment(sourceID: "c1")
        comment.author = "Jane"
        comment.content = "Nice."
        comment.date = "2009-02-01 10:00:00"
        var reply = Comment(sourceID: "c2")
        reply.author = "Joe Bloggs"
        reply.content = "Thanks."
        reply.parentSourceID = "c1"
        var ping = Comment(sourceID: "p1")
        ping.commentType = "trackback"
        ping.sourceTitle = "A reply on my blog"
        ping.blogName = "Other Blog"
        ping.authorURL = "http://other.example.net/reply.html"
        ping.content = "I disagree & say so."
        post.comments = [comment, reply, ping]
        return post
    }()

    static func writtenEntry(_ posts: [Post] = [entry]) throws -> (WXRWriterTestSupport.Output, WXRWriterTestSupport.Item) {
        let output = try Support.export(site: site, posts: posts)
        return (output, try #require(try Support.read(output).items.first))
    }

    @Test("EXTENDED BODY follows BODY after a more tag")
    func extendedBody() throws {
        let (_, item) = try Self.writtenEntry()
        #expect(item.fields["content:encoded"] == "<p>Body text.</p>\n<!--more-->\n<p>The rest of it.</p>")
        #expect(!item.postmeta.contains { $0.first == "mt_extended_body" })
    }

    @Test("an empty EXTENDED BODY adds no more tag")
    func emptyExtendedBody() throws {
        var entry = Self.entry
        entry.sourceFields = [MetaEntry(key: "EXTENDED BODY", value: "\n")]
        let (_, item) = try Self.writtenEntry([entry])
        #expect(item.fields["content:encoded"] == "<p>Body text.</p>")
    }

    @Test("KEYWORDS and the other MT fields are kept as mt_ post meta")
    func sourceFieldsAsMeta() throws {
        let (_, item) = try Self.writtenEntry()
        #expect(item.postmeta == [
            ["mt_keywords", "first post, hello"],
            ["mt_convert_breaks", "wysiwyg"],
            ["mt_unique_url", "http://blog.example.com/2009/01/hello-world.html"],
        ])
    }

    @Test("statuses and comment switches are WordPress's words")
    func vocabulary() throws {
        let (_, item) = try Self.writtenEntry()
        #expect(item.fields["wp:status"] == "pending")
        #expect(item.fields["wp:comment_status"] == "open")
        #expect(item.fields["wp:ping_status"] == "closed")
        #expect(item.fields["wp:post_name"] == "hello-world")
        #expect(item.fields["wp:post_date"] == "2009-01-31 15:31:05")
        #expect(item.fields["wp:post_date_gmt"] == "2009-01-31 20:31:05")
        #expect(item.fields["pubDate"] == "Sat, 31 Jan 2009 20:31:05 +0000")
    }

    @Test("pings stay trackbacks, in the form WordPress gives received trackbacks")
    func pingsAreTrackbacks() throws {
        let (_, item) = try Self.writtenEntry()
        let ping = try #require(item.comments.last)
        #expect(ping.fields["wp:comment_type"] == "trackback")
        #expect(ping.fields["wp:comment_author"] == "Other Blog")
        #expect(ping.fields["wp:comment_author_url"] == "http://other.example.net/reply.html")
        #expect(ping.fields["wp:comment_content"] == "<strong>A reply on my blog</strong>\n\nI disagree & say so.")
    }

    @Test("entries and comments get numeric ids, replies keep their parent")
    func numericIDs() throws {
        var second = Self.entry
        second.sourceID = "2009"
        let output = try Support.export(site: Self.site, posts: [Self.entry, second])
        let items = try Support.read(output).items
        #expect(items.map { $0.fields["wp:post_id"] } == ["1", "2"])
        let comments = try #require(items.first?.comments)
        #expect(comments.map { $0.fields["wp:comment_id"] } == ["1", "2", "3"])
        #expect(comments.map { $0.fields["wp:comment_parent"] } == ["0", "1", "0"])
        #expect(try Support.xmllintComplaint(output.bytes) == nil)
    }
}
