import Testing
import TrackwayCore
@testable import TrackwayStore

/// Every field of every imported record, each set apart from its default, hashed: the values
/// were taken from the implementation that wrote the hashes field by field, before the column
/// tables drove them, so a database imported by either re-imports as unchanged.
@Suite("Record hashes keep every field in its place")
struct RecordHashPinTests {
    @Test("a site hashes as earlier versions stored it")
    func site() {
        var site = Site(sourceKey: "http://pin.example", format: .movableType)
        site.title = "Pin"
        site.link = "http://pin.example/"
        site.description = "Pinned fields"
        site.language = "fr-FR"
        site.baseSiteURL = "http://pin.example/wp"
        site.baseBlogURL = "http://pin.example/blog"
        site.wxrVersion = "1.1"
        site.generator = "https://wordpress.org/?v=2.9"
        site.pubDate = "Tue, 02 Feb 2010 10:00:00 +0000"
        site.timeZone = "Europe/Paris"
        site.unknownElements = ["<a:b>1</a:b>", "<c:d/>"]
        var hasher = ContentHasher()
        #expect(hasher.hash(site).hex == "730cff91b319452c075a2ddbfc49a9c8")
    }

    @Test("an author hashes as earlier versions stored it, with an id and without")
    func author() {
        var author = Author(login: "ann")
        author.sourceID = 12
        author.email = "ann@pin.example"
        author.displayName = "Ann P."
        author.firstName = "Ann"
        author.lastName = "Pin"
        var hasher = ContentHasher()
        #expect(hasher.hash(author).hex == "fc3d04223648ec65278d27aaa4cf0a19")
        author.sourceID = nil
        #expect(hasher.hash(author).hex == "1e67659458f7eaa2c11104051a5d35ea")
    }

    @Test("a term hashes as earlier versions stored it")
    func term() {
        var term = Term(taxonomy: "category", slug: "tides")
        term.sourceID = 3
        term.name = "Tides"
        term.parentSlug = "sea"
        term.description = "High and low"
        term.meta = [MetaEntry(key: "colour", value: "blue"), MetaEntry(key: "order", value: "2")]
        var hasher = ContentHasher()
        #expect(hasher.hash(term).hex == "d15653382e7df2bf878f21b2a914c984")
    }

    @Test("a comment and the post that holds it hash as earlier versions stored them")
    func commentAndPost() {
        var comment = Comment(sourceID: "77")
        comment.commentType = "trackback"
        comment.author = "Linker"
        comment.authorEmail = "l@pin.example"
        comment.authorURL = "http://linker.example/a"
        comment.authorIP = "192.0.2.7"
        comment.date = "2010-02-03 10:00:00"
        comment.dateGMT = "2010-02-03 09:00:00"
        comment.content = "Cited ✓"
        comment.approved = "0"
        comment.parentSourceID = "76"
        comment.userID = 5
        comment.meta = [MetaEntry(key: "akismet_result", value: "false")]
        comment.sourceTitle = "A citing page"
        comment.blogName = "Linking blog"
        var hasher = ContentHasher()
        let commentHash = hasher.hash(comment)
        #expect(commentHash.hex == "8e421f0eb4ad9c5e662efb0bd1860370")

        var post = Post(sourceID: "501")
        post.postType = "page"
        post.status = "draft"
        post.title = "Neap"
        post.link = "http://pin.example/neap/"
        post.pubDate = "Wed, 03 Feb 2010 10:00:00 +0000"
        post.creator = "ann"
        post.guid = "http://pin.example/?page_id=501"
        post.guidIsPermaLink = true
        post.description = "rss description"
        post.content = "<p>Body</p>"
        post.excerpt = "Excerpt"
        post.postDate = "2010-02-03 11:00:00"
        post.postDateGMT = "2010-02-03 10:00:00"
        post.modified = "2010-02-04 11:00:00"
        post.modifiedGMT = "2010-02-04 10:00:00"
        post.commentStatus = "closed"
        post.pingStatus = "closed"
        post.slug = "neap"
        post.parentSourceID = "500"
        post.menuOrder = 4
        post.password = "secret"
        post.isSticky = true
        post.attachmentURL = "http://pin.example/a.png"
        post.terms = [PostTerm(taxonomy: "category", slug: "tides", name: "Tides"), PostTerm(taxonomy: "post_tag", slug: "moon", name: "Moon")]
        post.meta = [MetaEntry(key: "_edit_last", value: "1")]
        post.unknownElements = ["<x:y>z</x:y>"]
        post.sourceFields = [MetaEntry(key: "KEYWORDS", value: "sea, moon")]
        post.legacyURLs = ["http://pin.example/archives/000501.html"]
        post.replacedCharacters = 2
        #expect(hasher.hash(post, commentHashes: [commentHash, commentHash]).hex == "bfa314f8945d01f8be9dfb5261e79bf2")
    }
}
