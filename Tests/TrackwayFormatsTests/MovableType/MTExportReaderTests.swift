import Testing
import TrackwayCore
@testable import TrackwayFormats

/// The MovableTypeParser.NET samples (BOM'd, TypePad-style keys). Expected values read off the files.
@Suite("Movable Type fixtures")
struct MTExportReaderTests {
    @Test("SimplePost.txt: every key lands in its field or in sourceFields")
    func simplePost() throws {
        let result = readExport(Fixture.mt("SimplePost.txt"))
        #expect(result.error == nil)
        #expect(result.warnings.isEmpty)
        let site = try #require(result.sites.first)
        #expect(site.sourceKey == "mt:SimplePost")
        #expect(site.format == .movableType)
        #expect(site.timeZone == "UTC")
        #expect(result.authors.map(\.login) == ["Joe Bloggs"])
        #expect(result.authors.first?.email == "joe@bloggs.com")
        let post = try #require(result.posts.first)
        #expect(result.posts.count == 1)
        #expect(post.sourceID == "foo-post-basename")
        #expect(post.slug == "foo-post-basename")
        #expect(post.title == "Foo post title")
        #expect(post.creator == "Joe Bloggs")
        #expect(post.status == "publish")
        #expect(post.commentStatus == "open")
        #expect(post.pingStatus == "closed")
        #expect(post.postDate == "2020-01-01 09:50:00")
        #expect(post.postDateGMT == "2020-01-01 09:50:00")
        #expect(post.content == "<p>Foo body text</p>")
        #expect(post.excerpt == "Foo excerpt")
        #expect(post.legacyURLs == ["https://www.example.com/foo-bar.html"])
        #expect(post.terms == [
            PostTerm(taxonomy: "category", slug: "foo-primary-category", name: "Foo primary category"),
            PostTerm(taxonomy: "category", slug: "foo-category", name: "Foo category"),
            PostTerm(taxonomy: "category", slug: "bar-category", name: "Bar category"),
            PostTerm(taxonomy: "category", slug: "foo-bar-category", name: "Foo bar category"),
            PostTerm(taxonomy: "post_tag", slug: "foo-bar", name: "Foo bar"),
            PostTerm(taxonomy: "post_tag", slug: "foo", name: "Foo"),
            PostTerm(taxonomy: "post_tag", slug: "bar", name: "Bar"),
        ])
        #expect(post.sourceFields == [
            MetaEntry(key: "AUTHOR EMAIL", value: "joe@bloggs.com"),
            MetaEntry(key: "STATUS", value: "Publish"),
            MetaEntry(key: "CONVERT BREAKS", value: "wysiwyg"),
            MetaEntry(key: "NO ENTRY", value: "1"),
            MetaEntry(key: "UNIQUE URL", value: "https://www.example.com/foo-bar.html"),
            MetaEntry(key: "EXTENDED BODY", value: "<p>Foo extended body</p>"),
            MetaEntry(key: "KEYWORDS", value: "Foo keywords"),
        ])
        // One term record per distinct category and tag, before the post.
        #expect(result.terms.count == 7)
    }

    @Test("PostWithComments.txt: two approved comments with their headers, c1 and c2")
    func comments() throws {
        let post = try #require(readExport(Fixture.mt("PostWithComments.txt")).posts.first)
        #expect(post.comments.count == 2)
        let first = post.comments[0]
        #expect(first.sourceID == "c1")
        #expect(first.commentType == "comment")
        #expect(first.approved == "1")
        #expect(first.author == "Jane Doe")
        #expect(first.authorEmail == "jane@doe.com")
        #expect(first.authorIP == "127.0.0.1")
        #expect(first.authorURL == "https://example.com/foo")
        #expect(first.date == "2019-05-18 05:00:00")
        #expect(first.content == "Thank you for the information.")
        #expect(post.comments[1].sourceID == "c2")
        #expect(post.comments[1].content == "Great article!")
    }

    @Test("PostWithPings.txt: pings become trackbacks with title, blog name, URL and excerpt")
    func pings() throws {
        let post = try #require(readExport(Fixture.mt("PostWithPings.txt")).posts.first)
        #expect(post.comments.map(\.sourceID) == ["p1", "p2"])
        let ping = post.comments[0]
        #expect(ping.commentType == "trackback")
        #expect(ping.kind == .trackback)
        #expect(ping.sourceTitle == "Foo ping 1")
        #expect(ping.blogName == "Foo blog name 1")
        #expect(ping.author == "Foo blog name 1")
        #expect(ping.authorURL == "http://example.com/ping/foo")
        #expect(ping.authorIP == "127.0.0.1")
        #expect(ping.date == "2020-01-02 09:50:00")
        #expect(ping.content == "Ping 1 excerpt text")
    }

    @Test("the time zone option gives UTC dates and is recorded on the site")
    func timeZone() throws {
        let result = readExport(Fixture.mt("SimplePost.txt")) { $0.timeZone = "America/New_York" }
        #expect(result.sites.first?.timeZone == "America/New_York")
        // January: New York is UTC-5.
        #expect(result.posts.first?.postDate == "2020-01-01 09:50:00")
        #expect(result.posts.first?.postDateGMT == "2020-01-01 14:50:00")
    }

    @Test("an unknown time zone or charset is an error before anything is emitted")
    func badOptions() throws {
        let zone = readExport(Fixture.mt("SimplePost.txt")) { $0.timeZone = "Mars/Olympus" }
        #expect(zone.importError?.message.contains("Mars/Olympus") == true)
        #expect(zone.records.isEmpty)
        let charset = readExport(Fixture.mt("SimplePost.txt")) { $0.charset = "EBCDIC" }
        #expect(charset.importError?.message.contains("EBCDIC") == true)
    }
}
