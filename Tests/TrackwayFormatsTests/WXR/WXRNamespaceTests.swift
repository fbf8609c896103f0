import Testing
import TrackwayCore
@testable import TrackwayFormats

@Suite("WXR versions, namespaces and unknown elements")
struct WXRNamespaceTests {
    @Test("WXR 1.0: one author per distinct dc:creator, emitted before its first post")
    func wxr10Authors() throws {
        let result = readExport(Fixture.wxr("valid-wxr-1.0.xml"))
        #expect(result.error == nil)
        // python3 xml.etree: every item's dc:creator is "admin"; the file has no wp:author.
        #expect(result.authors.map(\.login) == ["admin"])
        let authorIndex = try #require(result.records.firstIndex { if case .author = $0 { true } else { false } })
        let postIndex = try #require(result.records.firstIndex { if case .post = $0 { true } else { false } })
        #expect(authorIndex < postIndex)
    }

    @Test("WXR 1.0: domain=\"tag\" becomes post_tag and bare <category> duplicates are dropped")
    func wxr10Terms() throws {
        let result = readExport(Fixture.wxr("valid-wxr-1.0.xml"))
        // python3 xml.etree: post 4 has category[@nicename] (category, alpha), (tag, news), (tag, roar).
        let post = try #require(result.post("4"))
        #expect(post.terms == [
            PostTerm(taxonomy: "category", slug: "alpha", name: "alpha"),
            PostTerm(taxonomy: "post_tag", slug: "news", name: "news"),
            PostTerm(taxonomy: "post_tag", slug: "roar", name: "roar"),
        ])
    }

    @Test("https namespace URIs and unusual prefixes are matched by URI")
    func httpsAndPrefixes() throws {
        let document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:wxr="https://wordpress.org/export/1.2/" xmlns:ex="https://wordpress.org/export/1.2/excerpt/"
             xmlns:c="http://purl.org/rss/1.0/modules/content/" xmlns:creator="http://purl.org/dc/elements/1.1/">
        <channel>
        <wxr:wxr_version>1.2</wxr:wxr_version>
        <wxr:base_blog_url>https://blog.example</wxr:base_blog_url>
        <item>
        <creator:creator>ann</creator:creator>
        <c:encoded>body</c:encoded>
        <ex:encoded>short</ex:encoded>
        <wxr:post_id>7</wxr:post_id>
        <post_type xmlns="http://wordpress.org/export/1.1/">page</post_type>
        </item>
        </channel>
        </rss>
        """
        let result = try readDocument(document)
        #expect(result.error == nil)
        let post = try #require(result.posts.first)
        #expect(post.sourceID == "7")
        #expect(post.creator == "ann")
        #expect(post.content == "body")
        #expect(post.excerpt == "short")
        #expect(post.postType == "page")
        #expect(result.sites.first?.sourceKey == "wxr:https://blog.example")
        #expect(result.warnings.isEmpty)
    }

    @Test("a prefix bound to a foreign URI is not WordPress's")
    func hijackedPrefix() throws {
        let result = try readDocument(wxrDocument(items: """
        <item><wp:post_id>1</wp:post_id><wp:status xmlns:wp="http://example.com/fake/">spam</wp:status></item>
        """))
        let post = try #require(result.posts.first)
        #expect(post.status == "publish")
        #expect(post.unknownElements == [#"<wp:status xmlns:wp="http://example.com/fake/">spam</wp:status>"#])
    }

    @Test("unknown item and channel elements are kept verbatim in file order")
    func unknownElements() throws {
        let result = try readDocument(wxrDocument(
            items: """
            <item><wp:post_id>3</wp:post_id><plugin:data xmlns:plugin="urn:plugin" a="1"><x>y</x></plugin:data><wp:future_field>v</wp:future_field></item>
            <cloud domain="rpc.example"/>
            """,
            channel: "<image><url>http://example.org/icon.png</url></image>"
        ))
        #expect(result.error == nil)
        let post = try #require(result.posts.first)
        #expect(post.unknownElements == [
            #"<plugin:data xmlns:plugin="urn:plugin" a="1"><x>y</x></plugin:data>"#,
            #"<wp:future_field xmlns:wp="http://wordpress.org/export/1.2/">v</wp:future_field>"#,
        ])
        // The site is emitted before the first item, then again with the channel child met after the items.
        #expect(result.sites.count == 2)
        #expect(result.sites.first?.unknownElements == ["<image><url>http://example.org/icon.png</url></image>"])
        #expect(result.sites.last?.unknownElements == [
            "<image><url>http://example.org/icon.png</url></image>", #"<cloud domain="rpc.example"/>"#,
        ])
    }

    @Test("every item field of WXR 1.2 lands in its Post field")
    func itemFields() throws {
        let result = try readDocument(wxrDocument(items: """
        <item>
        <title><![CDATA[A & B]]></title><link>http://example.org/a-b/</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
        <dc:creator><![CDATA[jdoe]]></dc:creator><guid isPermaLink="false">http://example.org/?p=12</guid>
        <description></description><content:encoded><![CDATA[<p>Hi</p>]]></content:encoded><excerpt:encoded><![CDATA[ex]]></excerpt:encoded>
        <wp:post_id>12</wp:post_id><wp:post_date>2024-01-01 11:00:00</wp:post_date><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>
        <wp:post_modified>2024-01-02 11:00:00</wp:post_modified><wp:post_modified_gmt>2024-01-02 10:00:00</wp:post_modified_gmt>
        <wp:comment_status>closed</wp:comment_status><wp:ping_status>closed</wp:ping_status><wp:post_name>a-b</wp:post_name>
        <wp:status>private</wp:status><wp:post_parent>5</wp:post_parent><wp:menu_order>3</wp:menu_order>
        <wp:post_type>attachment</wp:post_type><wp:post_password>pw</wp:post_password><wp:is_sticky>1</wp:is_sticky>
        <wp:attachment_url>http://example.org/files/a.png</wp:attachment_url>
        <category domain="category" nicename="news"><![CDATA[News]]></category>
        <wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>a.png</wp:meta_value></wp:postmeta>
        <wp:comment><wp:comment_id>30</wp:comment_id><wp:comment_author>Ann</wp:comment_author>
        <wp:comment_author_email>ann@example.org</wp:comment_author_email><wp:comment_author_url>http://ann.example</wp:comment_author_url>
        <wp:comment_author_IP>192.0.2.1</wp:comment_author_IP><wp:comment_date>2024-01-03 11:00:00</wp:comment_date>
        <wp:comment_date_gmt>2024-01-03 10:00:00</wp:comment_date_gmt><wp:comment_content>Nice</wp:comment_content>
        <wp:comment_approved>0</wp:comment_approved><wp:comment_type>pingback</wp:comment_type><wp:comment_parent>29</wp:comment_parent>
        <wp:comment_user_id>4</wp:comment_user_id><wp:commentmeta><wp:meta_key>k</wp:meta_key><wp:meta_value>v</wp:meta_value></wp:commentmeta>
        </wp:comment>
        </item>
        """))
        let post = try #require(result.posts.first)
        var expected = Post(sourceID: "12")
        expected.title = "A & B"
        expected.link = "http://example.org/a-b/"
        expected.pubDate = "Mon, 01 Jan 2024 10:00:00 +0000"
        expected.creator = "jdoe"
        expected.guid = "http://example.org/?p=12"
        expected.content = "<p>Hi</p>"
        expected.excerpt = "ex"
        expected.postDate = "2024-01-01 11:00:00"
        expected.postDateGMT = "2024-01-01 10:00:00"
        expected.modified = "2024-01-02 11:00:00"
        expected.modifiedGMT = "2024-01-02 10:00:00"
        expected.commentStatus = "closed"
        expected.pingStatus = "closed"
        expected.slug = "a-b"
        expected.status = "private"
        expected.parentSourceID = "5"
        expected.menuOrder = 3
        expected.postType = "attachment"
        expected.password = "pw"
        expected.isSticky = true
        expected.attachmentURL = "http://example.org/files/a.png"
        expected.terms = [PostTerm(taxonomy: "category", slug: "news", name: "News")]
        expected.meta = [MetaEntry(key: "_wp_attached_file", value: "a.png")]
        var comment = Comment(sourceID: "30")
        comment.author = "Ann"
        comment.authorEmail = "ann@example.org"
        comment.authorURL = "http://ann.example"
        comment.authorIP = "192.0.2.1"
        comment.date = "2024-01-03 11:00:00"
        comment.dateGMT = "2024-01-03 10:00:00"
        comment.content = "Nice"
        comment.approved = "0"
        comment.commentType = "pingback"
        comment.parentSourceID = "29"
        comment.userID = 4
        comment.meta = [MetaEntry(key: "k", value: "v")]
        expected.comments = [comment]
        expected.legacyURLs = ["http://example.org/?p=12", "http://example.org/files/a.png"]
        #expect(post == expected)
    }

    @Test("a missing field keeps the Core default, but a missing post type stays missing")
    func defaults() throws {
        let post = try #require(try readDocument(wxrDocument(items: "<item><wp:post_id>2</wp:post_id></item>")).posts.first)
        var expected = Post(sourceID: "2")
        // WordPress's importer skips an item without one, and must skip it again in our export.
        expected.postType = ""
        expected.legacyURLs = ["http://example.org/?p=2"]
        #expect(post == expected)
    }

    @Test("siteKey overrides the identity; without a blog URL the link, then the file name, is used")
    func siteIdentity() throws {
        let overridden = try readDocument(wxrDocument(items: "")) { $0.siteKey = "mine" }
        #expect(overridden.sites.first?.sourceKey == "mine")
        let noBlogURL = wxrDocument(items: "").replacingOccurrences(of: "<wp:base_blog_url>http://example.org</wp:base_blog_url>", with: "")
        #expect(try readDocument(noBlogURL).sites.first?.sourceKey == "wxr:http://example.org")
    }
}
