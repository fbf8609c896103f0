import Testing
import TrackwayFormats

@Suite("Redirect maps from legacy URLs to the new site")
struct RedirectMapTests {
    func source(_ url: String, post: Int = 1, order: Int = 0, id: String = "12", type: String = "post",
                slug: String = "haul-out", date: String = "2026-10-01 10:05:09", category: String = "boats",
                author: String = "mara", parents: String = "", keepRank: Int = 0) -> RedirectSource {
        RedirectSource(url: url, postOrder: post, urlOrder: order, postID: id, postType: type, slug: slug,
                       postDate: date, category: category, author: author, parentPath: parents, keepRank: keepRank)
    }

    func pairs(_ map: RedirectMap) -> [[String]] {
        map.redirects.map { [$0.oldURL, $0.newURL] }
    }

    @Test("by default an old URL keeps its path and query under the new base")
    func samePathUnderNewBase() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/2026/10/haul-out/"),
            source("http://old.example/?p=12#comments", order: 1),
        ], newBase: "https://new.example/blog/")
        #expect(pairs(map) == [
            ["http://old.example/2026/10/haul-out/", "https://new.example/blog/2026/10/haul-out/"],
            ["http://old.example/?p=12#comments", "https://new.example/blog/?p=12"],
        ])
    }

    @Test("every permalink tag renders from the post's date, slug, id, first category and author")
    func patternTags() throws {
        let pattern = try RedirectPattern("/%year%/%monthnum%/%day%/%hour%%minute%%second%/%category%/%author%/%post_id%-%postname%/")
        let map = try RedirectMap(sources: [source("http://old.example/?p=12")], newBase: "https://new.example", pattern: pattern)
        #expect(map.redirects.map(\.newURL) == ["https://new.example/2026/10/01/100509/boats/mara/12-haul-out/"])
    }

    @Test("pages go to /slug/, uncategorised posts to WordPress's default category, attachments keep their path")
    func patternByPostType() throws {
        let pattern = try RedirectPattern("/%category%/%postname%/")
        let map = try RedirectMap(sources: [
            source("http://old.example/?page_id=20", post: 1, id: "20", type: "page", slug: "about"),
            source("http://old.example/?p=12", post: 2, category: ""),
            source("http://old.example/wp-content/uploads/a.jpg", post: 3, id: "40", type: "attachment", slug: "a"),
        ], newBase: "https://new.example", pattern: pattern)
        #expect(map.redirects.map(\.newURL) == [
            "https://new.example/about/",
            "https://new.example/uncategorized/haul-out/",
            "https://new.example/wp-content/uploads/a.jpg",
        ])
    }

    @Test("a child page goes to its path under its parents, as WordPress's page permalink")
    func childPageKeepsHierarchy() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/?page_id=21", id: "21", type: "page", slug: "team", parents: "about"),
            source("http://old.example/?page_id=22", post: 2, id: "22", type: "page", slug: "divers", parents: "about/team"),
        ], newBase: "https://new.example", pattern: try RedirectPattern("/%postname%/"))
        #expect(map.redirects.map(\.newURL) == ["https://new.example/about/team/", "https://new.example/about/team/divers/"])
    }

    @Test("a URL items share goes to the item WordPress keeps, and the map stays in post order")
    func sharedURLGoesToKeptItem() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/?p=30", post: 1, id: "30", type: "", slug: "typeless", keepRank: 1),
            source("http://old.example/typeless/", post: 1, order: 1, id: "30", type: "", slug: "typeless", keepRank: 1),
            source("http://old.example/?p=30", post: 2, id: "30", type: "page", slug: "contact"),
        ], newBase: "https://new.example", pattern: try RedirectPattern("/%postname%/"))
        #expect(pairs(map) == [
            ["http://old.example/typeless/", "https://new.example/typeless/"],
            ["http://old.example/?p=30", "https://new.example/contact/"],
        ])
    }

    @Test("a post whose date is not YYYY-MM-DD HH:MM:SS keeps its old path")
    func unparsableDateKeepsPath() throws {
        let pattern = try RedirectPattern("/%year%/%postname%/")
        let map = try RedirectMap(sources: [source("http://old.example/haul-out/", date: "")],
                                  newBase: "https://new.example", pattern: pattern)
        #expect(map.redirects.map(\.newURL) == ["https://new.example/haul-out/"])
    }

    @Test("an unknown tag, a lone % and a base that is not an http URL are errors naming the value")
    func invalidInput() {
        #expect(throws: RedirectMapError.self) { try RedirectPattern("/%yaer%/%postname%/") }
        #expect(throws: RedirectMapError.self) { try RedirectPattern("/%year/") }
        #expect(throws: RedirectMapError.self) { try RedirectMap(sources: [], newBase: "new.example") }
        do {
            _ = try RedirectPattern("/%yaer%/")
        } catch {
            #expect("\(error)".contains("%yaer%"))
        }
    }

    @Test("old paths differing only by host, trailing slash or percent-escapes give one redirect: the first post's")
    func deduplicates() throws {
        let map = try RedirectMap(sources: [
            source("http://www.old.example/2026/10/haul-out", post: 2, order: 0, slug: "second"),
            source("http://old.example/2026/10/haul-out/", post: 1, order: 3, slug: "first"),
            source("https://old.example/2026/10/haul-out/", post: 1, order: 4),
            source("http://old.example/2026/10/haul%2Dout/", post: 1, order: 5),
        ], newBase: "https://new.example", pattern: try RedirectPattern("/%postname%/"))
        #expect(pairs(map) == [["http://old.example/2026/10/haul-out/", "https://new.example/first/"]])
    }

    @Test("URLs that would redirect to themselves are left out")
    func skipsSelfRedirects() throws {
        let map = try RedirectMap(sources: [
            source("https://new.example/2026/10/haul-out/"),
            source("http://new.example/2026/10/haul-out/", order: 1),
        ], newBase: "https://new.example")
        #expect(map.redirects.map(\.oldURL) == ["http://new.example/2026/10/haul-out/"])
    }

    @Test("redirects are sorted by post, then by URL order, whatever order they arrive in")
    func sortsByPostThenURL() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/b", post: 2, order: 1),
            source("http://old.example/c", post: 1, order: 2),
            source("http://old.example/d", post: 2, order: 0),
            source("http://old.example/a", post: 1, order: 1),
        ], newBase: "https://new.example")
        #expect(map.redirects.map(\.oldURL) == ["http://old.example/a", "http://old.example/c", "http://old.example/d", "http://old.example/b"])
    }

    @Test("nginx: exact locations for paths, a $request_uri map with escaped regexes for queries")
    func nginx() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/2026/10/haul-out/"),
            source("http://old.example/?p=12", order: 1),
            source("http://old.example/archives/index.php?id=3.1", order: 2),
        ], newBase: "https://new.example")
        let lines = map.rendered(as: .nginx).split(separator: "\n").map(String.init)
        #expect(lines.contains("location = /2026/10/haul-out/ { return 301 https://new.example/2026/10/haul-out/; }"))
        // nginx unescapes \\ to \ inside double quotes, so the regex it compiles is ^/\?p=12$.
        #expect(lines.contains(#"    "~^/\\?p=12$" https://new.example/?p=12;"#))
        #expect(lines.contains(#"    "~^/archives/index\\.php/?\\?id=3\\.1$" https://new.example/archives/index.php?id=3.1;"#))
        #expect(lines.contains("map $request_uri $trackway_redirect {"))
        #expect(lines.contains("if ($trackway_redirect) { return 301 $trackway_redirect; }"))
    }

    @Test("apache: RedirectMatch with escaped metacharacters, rewrite rules for queries")
    func apache() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/c++/(notes)/index.html"),
            source("http://old.example/?p=12", order: 1),
            source("http://old.example/caf%C3%A9/", order: 2),
        ], newBase: "https://new.example")
        let lines = map.rendered(as: .apache).split(separator: "\n").map(String.init)
        #expect(lines.contains(#"RedirectMatch 301 ^/c\+\+/\(notes\)/index\.html/?$ https://new.example/c++/(notes)/index.html"#))
        // Apache matches the decoded path; the target stays percent-encoded.
        #expect(lines.contains("RedirectMatch 301 ^/café/?$ https://new.example/caf%C3%A9/"))
        let query = try #require(lines.firstIndex(of: "RewriteCond %{QUERY_STRING} ^p=12$"))
        #expect(lines[query + 1] == "RewriteRule ^/?$ https://new.example/?p=12? [R=301,L,NE]")
        #expect(lines.contains("RewriteEngine On"))
    }

    @Test("targets never carry characters the server would read as syntax")
    func unsafeTargetCharacters() throws {
        let map = try RedirectMap(sources: [source("http://old.example/price$5 off/")], newBase: "https://new.example")
        #expect(map.redirects.map(\.newURL) == ["https://new.example/price%245%20off/"])
        #expect(map.rendered(as: .nginx).contains(#"location = "/price$5 off/" { return 301 https://new.example/price%245%20off/; }"#))
    }

    @Test("csv: a header, then old_url,new_url rows quoted where they hold commas or quotes")
    func csv() throws {
        let map = try RedirectMap(sources: [
            source("http://old.example/a,b/"),
            source("http://old.example/?p=12", order: 1),
        ], newBase: "https://new.example")
        #expect(map.rendered(as: .csv) == "old_url,new_url\r\n\"http://old.example/a,b/\",\"https://new.example/a,b/\"\r\nhttp://old.example/?p=12,https://new.example/?p=12\r\n")
    }
}
