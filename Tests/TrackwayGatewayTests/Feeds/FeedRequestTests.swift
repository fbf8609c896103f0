import Testing
@testable import TrackwayGateway

@Suite struct FeedRequestTests {
    private func request(_ path: String, _ query: String? = nil, home: String = "/") -> FeedRequest? {
        FeedRequest(path: path, query: query, homePath: home)
    }

    @Test("names the site's WordPress feeds by path, by ?feed= and by the old wp-*.php files")
    func siteFeeds() {
        let rss2 = FeedRequest(subject: .site, format: .rss2, dialect: .wordPress)
        for (path, query) in [("/feed/", nil), ("/feed", nil), ("/feed/rss2/", nil), ("/feed/rss/", nil), ("/", "feed=rss2"), ("/", "feed=feed"),
                              ("/index.php", "feed=rss2"), ("/wp-rss2.php", nil)] as [(String, String?)] {
            #expect(request(path, query) == rss2, "\(path) \(query ?? "")")
        }
        #expect(request("/feed/atom/") == FeedRequest(subject: .site, format: .atom, dialect: .wordPress))
        #expect(request("/", "feed=atom") == FeedRequest(subject: .site, format: .atom, dialect: .wordPress))
        #expect(request("/feed/rdf/") == FeedRequest(subject: .site, format: .rdf, dialect: .wordPress))
    }

    @Test("names Movable Type's index feeds under the site's home path only")
    func movableTypeFeeds() {
        #expect(request("/index.xml") == FeedRequest(subject: .site, format: .rss2, dialect: .movableType))
        #expect(request("/atom.xml") == FeedRequest(subject: .site, format: .atom, dialect: .movableType))
        #expect(request("/index.rdf") == FeedRequest(subject: .site, format: .rdf, dialect: .movableType))
        #expect(request("/blog/index.rdf", home: "/blog/") == FeedRequest(subject: .site, format: .rdf, dialect: .movableType))
        #expect(request("/index.rdf", home: "/blog/") == nil)
        #expect(request("/2004/index.xml") == nil)
    }

    @Test("names the comment feeds: the site's, a post's by permalink and by ?p=")
    func commentFeeds() {
        #expect(request("/comments/feed/") == FeedRequest(subject: .comments, format: .rss2, dialect: .wordPress))
        #expect(request("/", "feed=comments-rss2") == FeedRequest(subject: .comments, format: .rss2, dialect: .wordPress))
        #expect(request("/wp-commentsrss2.php") == FeedRequest(subject: .comments, format: .rss2, dialect: .wordPress))
        #expect(request("/2008/01/hello/feed/") == FeedRequest(subject: .post(path: "/2008/01/hello/"), format: .rss2, dialect: .wordPress))
        #expect(request("/blog/2008/01/hello/feed/atom/", home: "/blog/")
            == FeedRequest(subject: .post(path: "/blog/2008/01/hello/"), format: .atom, dialect: .wordPress))
        #expect(request("/", "p=4&feed=rss2") == FeedRequest(subject: .postID("4"), format: .rss2, dialect: .wordPress))
        #expect(request("/", "page_id=2&feed=rss2") == FeedRequest(subject: .postID("2"), format: .rss2, dialect: .wordPress))
    }

    @Test("names category and tag feeds by their last slug, in the store's lower-case escaped form")
    func termFeeds() {
        #expect(request("/category/swift/feed/") == FeedRequest(subject: .term(taxonomy: "category", slug: "swift"), format: .rss2, dialect: .wordPress))
        #expect(request("/category/news/local/feed/atom/") == FeedRequest(subject: .term(taxonomy: "category", slug: "local"), format: .atom, dialect: .wordPress))
        let arabic = FeedRequest(subject: .term(taxonomy: "post_tag", slug: "%d8%a7%d9%84"), format: .rss2, dialect: .wordPress)
        #expect(request("/tag/%D8%A7%D9%84/feed/") == arabic)
        #expect(request("/tag/\u{627}\u{644}/feed/") == arabic)
        #expect(request("/", "category_name=news/local&feed=atom") == FeedRequest(subject: .term(taxonomy: "category", slug: "local"), format: .atom, dialect: .wordPress))
        #expect(request("/tag/Swift/feed/") == FeedRequest(subject: .term(taxonomy: "post_tag", slug: "swift"), format: .rss2, dialect: .wordPress))
        #expect(request("/", "tag=swift&feed=rss2") == FeedRequest(subject: .term(taxonomy: "post_tag", slug: "swift"), format: .rss2, dialect: .wordPress))
    }

    @Test("names no feed for other addresses")
    func notFeeds() {
        for (path, query) in [("/", nil), ("/", "p=4"), ("/2008/01/hello/", nil), ("/feed/unknown/", nil), ("/feeds/", nil), ("/newsfeed/", nil),
                              ("/", "feed=unknown"), ("/xmlrpc.php", nil), ("/2008/01/hello/trackback/", nil)] as [(String, String?)] {
            #expect(request(path, query) == nil, "\(path) \(query ?? "")")
        }
    }
}
