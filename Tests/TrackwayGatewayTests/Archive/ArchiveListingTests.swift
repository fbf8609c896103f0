import Foundation
import Testing
import TrackwayCore
import TrackwayTesting

@Suite struct ArchiveListingTests {
    /// `count` more public posts, one a day from 2025-06-01, newest last.
    private static func morePosts(_ count: Int) -> [ImportRecord] {
        (1...count).map { day in
            var post = Post(sourceID: String(1000 + day))
            post.title = "Log entry \(day)"
            post.link = ArchiveSample.url("/2025/06/log-\(day)/")
            post.postDate = "2025-06-\(day < 10 ? "0" : "")\(day) 08:00:00"
            post.postDateGMT = post.postDate
            post.content = "Entry \(day) of the log."
            return .post(post)
        }
    }

    @Test("the home page lists public posts newest first with excerpts and comment and ping counts")
    func home() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let home = try await harness.get("/")
        #expect(home.status == 200)
        let titles = ["Spring tides and the north wall", "Mending nets", "Protected: Locked notes"]
        let positions = titles.compactMap { home.body.range(of: ">" + $0 + "</a>")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        #expect(home.body.contains("<div class=\"excerpt\"><p>Equinox tides on the north wall.</p>"))
        #expect(home.body.contains("<div class=\"excerpt\"><p>Twine, needle and patience.</p>"))
        #expect(home.body.contains(">5 comments</a>") && home.body.contains(">3 pings</a>"))
        #expect(home.body.contains("<a href=\"/2026/03/spring-tides/\" rel=\"bookmark\">"))
        #expect(!home.body.contains("password-only text") && !home.body.contains(">About</a>"))
    }

    @Test("every page names the site's feeds in rel=alternate links, and each answers a feed")
    func feedDiscovery() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        for path in ["/", "/2026/03/spring-tides/", "/category/boats/"] {
            let page = try await harness.get(path)
            #expect(page.body.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Archive Sample &#xBB; Feed\" href=\"/feed/\"/>"), "\(path)")
            #expect(page.body.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Archive Sample &#xBB; Comments Feed\" href=\"/comments/feed/\"/>"), "\(path)")
        }
        for feed in ["/feed/", "/comments/feed/"] {
            let answer = try await harness.get(feed)
            #expect(answer.status == 200 && answer.body.contains("<rss version=\"2.0\""), "\(feed)")
        }
    }

    @Test("the home page pages at /page/N/ and ?paged=N, ten posts a page; past the last page is 404")
    func pagination() async throws {
        let harness = try await GatewayHarness.archive(Self.morePosts(20))
        defer { harness.stop() }
        let first = try await harness.get("/")
        #expect(first.body.contains("<a rel=\"next\" href=\"/page/2/\">Older posts</a>"))
        #expect(first.body.contains("Log entry 14<") && !first.body.contains("Log entry 13<"))
        for path in ["/page/2/", "/?paged=2"] {
            let second = try await harness.get(path)
            #expect(second.status == 200 && second.body.contains("Log entry 13<") && second.body.contains("Log entry 4<"), "\(path)")
            #expect(!second.body.contains("Log entry 14<") && !second.body.contains("Log entry 3<"), "\(path)")
            #expect(second.body.contains("<a rel=\"prev\" href=\"/\">Newer posts</a>"), "\(path)")
        }
        #expect(try await harness.get("/page/3/").body.contains("Log entry 1<"))
        #expect(try await harness.get("/page/4/").status == 404)
    }

    @Test("category (with its children's posts), tag, author and monthly archives at WordPress's shapes")
    func archives() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let boats = try await harness.get("/category/boats/")
        #expect(boats.status == 200 && boats.body.contains("<h1>Category: Boats</h1>"))
        #expect(boats.body.contains("Spring tides and the north wall") && boats.body.contains("Mending nets"))
        for path in ["/category/boats/repairs/", "/category/repairs/", "/?category_name=boats/repairs"] {
            let repairs = try await harness.get(path)
            #expect(repairs.body.contains("<h1>Category: Repairs</h1>") && !repairs.body.contains("Spring tides"), "\(path)")
        }
        let nets = try await harness.get("/2026/02/mending-nets/")
        #expect(nets.body.contains("<a href=\"/category/boats/repairs/\" rel=\"tag\">Repairs</a>"))
        let tag = try await harness.get("/tag/tides/")
        #expect(tag.body.contains("<h1>Tag: tides</h1>") && tag.body.contains("Spring tides") && !tag.body.contains("Mending nets"))
        let author = try await harness.get("/author/keeper-brennan/")
        #expect(author.body.contains("<h1>Author: Keeper Brennan</h1>") && author.body.contains("Mending nets") && !author.body.contains("Spring tides"))
        let month = try await harness.get("/2026/02/")
        #expect(month.body.contains("<h1>Month: February 2026</h1>") && month.body.contains("Mending nets") && !month.body.contains("Spring tides"))
        #expect(try await harness.get("/?m=202602").body.contains("Month: February 2026"))
        // As WordPress: an archive with no posts is not found (a search with none is an answer).
        for path in ["/category/nothing/", "/tag/nothing/", "/author/nobody/", "/2019/05/"] {
            #expect(try await harness.get(path).status == 404, "\(path)")
        }
    }

    @Test("?s= finds posts by every word of the query in their title or content, never by a protected post's text")
    func search() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let found = try await harness.get("/?s=north+wall")
        #expect(found.status == 200 && found.body.contains("Search results for “north wall”"))
        #expect(found.body.contains("Spring tides and the north wall") && !found.body.contains("Locked notes"))
        #expect(found.body.contains("<input type=\"search\" name=\"s\" value=\"north wall\"/>"))
        let none = try await harness.get("/?s=kelp")
        #expect(none.status == 200 && none.body.contains("Nothing matched."))
    }

    @Test("Host picks the site; / on another host lists the sites, whose pages then name theirs in every link")
    func hosts() async throws {
        var other = Site(sourceKey: "http://other.example", format: .wxr)
        other.title = "Other Blog"
        other.link = "http://other.example"
        var post = Post(sourceID: "1")
        post.title = "Other news"
        post.link = "http://other.example/news/"
        post.postDate = "2026-01-01 00:00:00"
        let harness = try await GatewayHarness.archive([ImportRecord.site(other), .post(post)])
        defer { harness.stop() }
        let sample = try await harness.get("/", host: "archive.example")
        #expect(sample.body.contains("Spring tides") && !sample.body.contains("Other news"))
        #expect(sample.body.contains("href=\"/author/mara/\""))
        let otherHome = try await harness.get("/", host: "www.other.example")
        #expect(otherHome.body.contains("Other news") && !otherHome.body.contains("Spring tides"))
        let list = try await harness.get("/")
        #expect(list.status == 200 && list.body.contains("<h1>Archived sites</h1>"))
        #expect(list.body.contains("<a href=\"/?site=1\">Archive Sample</a>") && list.body.contains("<a href=\"/?site=2\">Other Blog</a>"))
        let chosen = try await harness.get("/?site=1")
        #expect(chosen.body.contains("Spring tides") && chosen.body.contains("href=\"/author/mara/?site=1\""))
        #expect(try await harness.get("/category/boats/?site=1").body.contains("<h1>Category: Boats</h1>"))
        #expect(try await harness.get("/category/boats/").status == 404)
    }

    @Test("with --public-url, links are built on it; the stylesheet is served once, cacheable")
    func publicURLAndStylesheet() async throws {
        let harness = try await GatewayHarness.archive { $0.publicURL = "http://archive.test:9000/" }
        defer { harness.stop() }
        let home = try await harness.get("/")
        #expect(home.body.contains("href=\"http://archive.test:9000/2026/03/spring-tides/\""))
        #expect(home.body.contains("<link rel=\"stylesheet\" href=\"http://archive.test:9000/trackway/style.css\"/>"))
        let css = try await harness.get("/trackway/style.css")
        #expect(css.status == 200 && GatewayHarness.header("Content-Type", in: css.headers) == "text/css; charset=UTF-8")
        #expect(GatewayHarness.header("Cache-Control", in: css.headers)?.contains("max-age=") == true)
        #expect(css.body.contains(".comment-list"))
    }
}
