import Foundation
import Testing
import TrackwayCore
import TrackwayFormats

/// Items built by hand to mirror two items of `peer-blog.xml`, written and compared with
/// WordPress's own output for them, element by element.
@Suite struct WXRWriterItemTests {
    typealias Support = WXRWriterTestSupport

    static let site: Site = {
        var site = Site(sourceKey: "http://127.0.0.1:8090", format: .wxr)
        site.title = "Peer Blog"
        site.link = "http://127.0.0.1:8090"
        site.baseSiteURL = "http://127.0.0.1:8090"
        site.baseBlogURL = "http://127.0.0.1:8090"
        site.language = "en-US"
        return site
    }()

    /// `Post 001: Piñata feed` (post 4): five terms, meta with `]]>`, a threaded comment. Its
    /// `pubDate` is left empty so the writer derives it from `post_date_gmt`.
    static let post001: Post = {
        var post = Post(sourceID: "4")
        post.title = "Post 001: Piñata feed"
        post.link = "http://127.0.0.1:8090/2008/01/post-001-pinata-feed/"
        post.creator = "jdoe"
        post.guid = "http://127.0.0.1:8090/2008/01/post-001-pinata-feed/"
        post.content = "<p>Markup dolor 🎉 comment entity Zürich comment piñata café café 🎉 gateway track markup résumé smörgåsbord こんにちは 🚀 reply markup.</p>\n\n<!--more-->\n\n<p>Résumé naïve 中文 한국어 entity naïve reply entity lorem thread piñata track 한국어 piñata 東京 東京 export import import.</p>\n\n<p>Zürich markup blog markup ipsum gateway 🚀 東京 こんにちは export reply résumé archive Zürich gateway dolor gateway.</p>\n\n<p>Lorem こんにちは 東京 Zürich import entity amet sit lorem ping import café.</p>\n\n<p>東京 gateway reply lorem export thread 🚀 smörgåsbord café こんにちは.</p>"
        post.postDate = "2008-01-12 10:15:07"
        post.postDateGMT = "2008-01-12 10:15:07"
        post.modified = "2008-01-12 10:15:07"
        post.modifiedGMT = "2008-01-12 10:15:07"
        post.slug = "post-001-pinata-feed"
        post.terms = [
            PostTerm(taxonomy: "post_tag", slug: "movable-type", name: "movable type"),
            PostTerm(taxonomy: "category", slug: "swift", name: "Swift"),
            PostTerm(taxonomy: "post_tag", slug: "xml-rpc", name: "xml-rpc"),
            PostTerm(taxonomy: "post_tag", slug: "%d8%a7%d9%84%d8%b9%d8%b1%d8%a8%d9%8a%d8%a9", name: "العربية"),
            PostTerm(taxonomy: "post_tag", slug: "%f0%9f%8e%89-party", name: "🎉 party"),
        ]
        post.meta = [
            MetaEntry(key: "peer_seq", value: "1"),
            MetaEntry(key: "_peer_private", value: "underscore-prefixed meta ]]> 1"),
        ]
        var first = Comment(sourceID: "2")
        first.commentType = "comment"
        first.author = "admin"
        first.authorEmail = "admin@example.org"
        first.authorIP = "192.0.2.2"
        first.date = "2008-01-12 11:15:08"
        first.dateGMT = "2008-01-12 11:15:08"
        first.content = "Smörgåsbord résumé naïve résumé blog thread."
        first.userID = 1
        var reply = Comment(sourceID: "3")
        reply.commentType = "comment"
        reply.author = "François"
        reply.authorEmail = "c1_1@example.com"
        reply.authorURL = "http://commenter1.example.com/"
        reply.authorIP = "192.0.2.3"
        reply.date = "2008-01-12 12:15:08"
        reply.dateGMT = "2008-01-12 12:15:08"
        reply.content = "Sit feed feed こんにちは résumé archive."
        reply.parentSourceID = "2"
        post.comments = [first, reply]
        return post
    }()

    /// `Post 002: Amet entity` (post 5): entity text kept as written, one pingback.
    static let post002: Post = {
        var post = Post(sourceID: "5")
        post.title = "Post 002: Amet entity"
        post.link = "http://127.0.0.1:8090/2008/01/post-002-amet-entity/"
        post.pubDate = "Mon, 21 Jan 2008 11:15:14 +0000"
        post.creator = "hkimura"
        post.guid = "http://127.0.0.1:8090/2008/01/post-002-amet-entity/"
        post.content = "<p>Gateway thread 中文 reply naïve dolor track export résumé entity 東京 thread 🚀 thread Zürich entity.</p>\n\n<p>Entities: &amp; &lt;tag&gt; &quot;q&quot; &#8217;curly&#8217; &copy; &nbsp;&mdash; &eacute; &#x1F600; and a bare AT&amp;T.</p>"
        post.postDate = "2008-01-21 11:15:14"
        post.postDateGMT = "2008-01-21 11:15:14"
        post.modified = "2008-01-21 11:15:14"
        post.modifiedGMT = "2008-01-21 11:15:14"
        post.slug = "post-002-amet-entity"
        post.terms = [PostTerm(taxonomy: "category", slug: "news", name: "News")]
        post.meta = [MetaEntry(key: "peer_seq", value: "2")]
        var pingback = Comment(sourceID: "4")
        pingback.commentType = "pingback"
        pingback.author = "Pinging Site &raquo; feed"
        pingback.authorURL = "http://pb2-0.example.org/post/0/"
        pingback.authorIP = "192.0.2.3"
        pingback.date = "2008-01-21 12:15:16"
        pingback.dateGMT = "2008-01-21 12:15:16"
        pingback.content = "[&#8230;] Smörgåsbord naïve こんにちは こんにちは 東京 archive thread archive ipsum amet. [&#8230;]"
        post.comments = [pingback]
        return post
    }()

    @Test("items match WordPress's own export of the same posts element by element")
    func itemsMatchWordPress() throws {
        let output = try Support.export(site: Self.site, posts: [Self.post001, Self.post002])
        #expect(try Support.xmllintComplaint(output.bytes) == nil)
        let differences = try Support.python(
            Support.compareItemScript, [Support.peerBlog.path, "4", "5"], input: output.bytes, as: [String].self
        )
        #expect(differences == [])
    }

    @Test("an item's children come in WordPress's order")
    func itemOrder() throws {
        let document = try Support.read(try Support.export(site: Self.site, posts: [Self.post001]))
        let item = try #require(document.items.first)
        #expect(item.order == [
            "title", "link", "pubDate", "dc:creator", "guid", "description", "content:encoded", "excerpt:encoded",
            "wp:post_id", "wp:post_date", "wp:post_date_gmt", "wp:post_modified", "wp:post_modified_gmt",
            "wp:comment_status", "wp:ping_status", "wp:post_name", "wp:status", "wp:post_parent", "wp:menu_order",
            "wp:post_type", "wp:post_password", "wp:is_sticky",
            "category", "category", "category", "category", "category",
            "wp:postmeta", "wp:postmeta", "wp:comment", "wp:comment",
        ])
        #expect(item.attributes["guid"] == ["isPermaLink": "false"])
    }

    @Test("a draft with no GMT date gets WordPress's zero pubDate, and empty fields are written empty")
    func unsetDatesAndEmptyFields() throws {
        var draft = Post(sourceID: "16")
        draft.status = "draft"
        draft.postDate = "2009-10-20 16:13:20"
        draft.postDateGMT = "0000-00-00 00:00:00"
        let raw = try Support.export(site: Self.site, posts: [draft])
        let item = try #require(try Support.read(raw).items.first)
        #expect(item.fields["pubDate"] == "Wed, 30 Nov -0001 00:00:00 +0000")
        #expect(item.fields["wp:post_date_gmt"] == "0000-00-00 00:00:00")
        #expect(item.fields["title"] == "")
        #expect(item.fields["wp:post_name"] == "")
        #expect(item.fields["description"] == "")
        // Files from before WordPress 5.7 have no modified dates either; nothing is made up.
        #expect(item.fields["wp:post_modified"] == nil)
        #expect(raw.text.contains("<excerpt:encoded><![CDATA[]]></excerpt:encoded>"))
        #expect(raw.text.contains("<description></description>"))
    }

    @Test("an attachment carries its file URL")
    func attachmentURL() throws {
        var attachment = Post(sourceID: "300")
        attachment.postType = "attachment"
        attachment.status = "inherit"
        attachment.attachmentURL = "http://127.0.0.1:8090/wp-content/uploads/2008/01/cafe.jpg"
        let item = try #require(try Support.read(try Support.export(site: Self.site, posts: [attachment])).items.first)
        #expect(item.fields["wp:attachment_url"] == "http://127.0.0.1:8090/wp-content/uploads/2008/01/cafe.jpg")
        #expect(item.order.firstIndex(of: "wp:attachment_url") == (item.order.firstIndex(of: "wp:is_sticky") ?? 0) + 1)
    }
}
