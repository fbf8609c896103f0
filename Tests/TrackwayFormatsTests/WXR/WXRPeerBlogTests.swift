import Testing
import TrackwayCore
@testable import TrackwayFormats

/// The real WordPress 6.1.9 export. Expected counts were taken once with Python's
/// `xml.etree.ElementTree` over the file (findall on channel/item, wp:comment, wp:comment_type,
/// wp:author, wp:category, wp:tag, wp:term, wp:postmeta, wp:commentmeta, category[@nicename]).
@Suite("peer-blog.xml (WordPress 6.1.9)")
struct WXRPeerBlogTests {
    let result = readExport(Fixture.peerBlog)

    @Test("reads without error or warning")
    func readsCleanly() {
        #expect(result.error == nil)
        #expect(result.warnings.isEmpty)
    }

    @Test("emits 200 posts and 5 pages in file order, site first")
    func postsAndPages() {
        #expect(result.posts.filter { $0.postType == "post" }.count == 200)
        #expect(result.posts.filter { $0.postType == "page" }.count == 5)
        guard case .site = result.records.first else {
            Issue.record("the first record is not the site")
            return
        }
    }

    @Test("keeps 435 comments, 67 trackbacks and 67 pingbacks with their types")
    func commentsByType() {
        let comments = result.posts.flatMap(\.comments)
        #expect(comments.count == 569)
        #expect(comments.filter { $0.kind == .comment }.count == 435)
        #expect(comments.filter { $0.kind == .trackback }.count == 67)
        #expect(comments.filter { $0.kind == .pingback }.count == 67)
        #expect(comments.flatMap(\.meta).count == 10)
    }

    @Test("declares 4 authors and 33 distinct terms (8 categories, 25 tags) despite the wp:term repeats")
    func authorsAndTerms() {
        #expect(result.authors.map(\.login) == ["admin", "jdoe", "hkimura", "zoe"])
        #expect(result.authors[2].displayName == "木村 ひろし")
        #expect(result.terms.count == 33)
        #expect(result.terms.filter { $0.taxonomy == "category" }.count == 8)
        #expect(result.terms.filter { $0.taxonomy == "post_tag" }.count == 25)
    }

    @Test("keeps 320 post meta entries and 625 post terms")
    func metaAndPostTerms() {
        #expect(result.posts.flatMap(\.meta).count == 320)
        #expect(result.posts.flatMap(\.terms).count == 625)
        #expect(result.posts.filter(\.isSticky).count == 1)
    }

    @Test("reads the channel header into the site, keyed by the blog URL")
    func site() throws {
        let site = try #require(result.sites.first)
        #expect(site.sourceKey == "wxr:http://127.0.0.1:8090")
        #expect(site.title == "Peer Blog")
        #expect(site.description == "Reference peer — a WordPress blog with café, 東京 and 🎉")
        #expect(site.wxrVersion == "1.2")
        #expect(site.language == "en-US")
        #expect(site.generator == "https://wordpress.org/?v=6.1.9")
        #expect(result.sites.last?.generator == "https://wordpress.org/?v=6.1.9")
    }

    @Test("the first category keeps its name, description and id")
    func category() throws {
        let term = try #require(result.terms.first { $0.slug == "cafe-culture" })
        #expect(term.taxonomy == "category")
        #expect(term.name == "Café &amp; Culture")
        #expect(term.description == "Entities &amp; accents: crème brûlée")
        #expect(term.sourceID == 6)
    }

    @Test("a post whose content holds ]]> gets it back whole")
    func splitCDATA() throws {
        // grep: post 6's content:encoded is written with the ]]]]><![CDATA[> split.
        let post = try #require(result.post("6"))
        #expect(post.content.contains("]]>"))
        #expect(!post.content.contains("]]]]><![CDATA["))
    }

    @Test("posts carry ?p=ID and pages ?page_id=ID legacy URLs")
    func legacyURLs() throws {
        let post = try #require(result.posts.first { $0.postType == "post" })
        #expect(post.legacyURLs == ["http://127.0.0.1:8090/?p=\(post.sourceID)"])
        let page = try #require(result.posts.first { $0.postType == "page" })
        #expect(page.legacyURLs == ["http://127.0.0.1:8090/?page_id=\(page.sourceID)"])
    }
}
