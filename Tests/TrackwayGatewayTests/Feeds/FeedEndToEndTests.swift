import Foundation
import Testing
import TrackwayGateway
import TrackwayTesting

/// Every feed URL over 127.0.0.1, read by feedparser: WordPress's export of a real blog plus
/// newer posts in every state to hide, and the Movable Type sample blog. What each feed must list
/// comes from the exports themselves (`wxr_feed_facts.py`), not from the code under test.
@Suite struct FeedEndToEndTests {
    private static func server(hostile: String = "", configure: (inout GatewayConfiguration) -> Void = { _ in }) async throws -> GatewayHarness {
        try await GatewayHarness(configure: configure, importing: { path, folder in try FeedSite.seed(path, folder: folder, hostile: hostile) })
    }

    private static func facts(_ harness: GatewayHarness) throws -> FeedFacts {
        try FeedFacts.read([FeedSite.peerBlog, harness.folder.file("additions.xml").path])
    }

    private static func read(_ harness: GatewayHarness, _ path: String, host: String = FeedSite.host, headers: [String] = []) async throws -> FeedRead {
        let feed = try await FeedRead.fetch(harness.base + path, host: host, headers: headers)
        #expect(feed.status == 200, "\(path)")
        #expect(feed.bozo == 0, "\(path): \(feed.error)")
        return feed
    }

    @Test("the site's feeds, in RSS 2.0, Atom and RSS 1.0 at every WordPress address, list its ten newest public posts")
    func siteFeeds() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        let newest = Array(try Self.facts(harness).posts.prefix(10))
        let base = "http://\(FeedSite.host)"
        for (path, version) in [("/feed/", "rss20"), ("/feed/rss2/", "rss20"), ("/?feed=rss2", "rss20"), ("/wp-rss2.php", "rss20"),
                                ("/feed/atom/", "atom10"), ("/?feed=atom", "atom10"), ("/feed/rdf/", "rss10")] {
            let feed = try await Self.read(harness, path)
            #expect(feed.version == version, "\(path)")
            #expect(feed.title == "Peer Blog", "\(path)")
            #expect(feed.strings("title") == newest.map(\.title), "\(path)")
            #expect(feed.strings("link") == newest.map { base + FeedFacts.path(of: $0.link) }, "\(path)")
            #expect(feed.strings("published") == newest.map(\.date), "\(path)")
            let tags = feed.entries.map { Set($0["tags"] as? [String] ?? []) }
            #expect(tags == newest.map { Set($0.termNames) }, "\(path)")
            #expect(feed.contentType?.hasPrefix(version == "atom10" ? "application/atom+xml" : version == "rss10" ? "application/rdf+xml" : "application/rss+xml") == true)
            if version != "rss10" {
                // A password-protected post shows no discussion, so it counts none.
                #expect(feed.strings("comment_count") == newest.map { String($0.isProtected ? 0 : $0.comments.count) }, "\(path)")
            }
        }
        let rss = try await Self.read(harness, "/feed/")
        #expect(rss.strings("author").contains("Jane Doe"))
        #expect(rss.strings("comment_feed").first == base + FeedFacts.path(of: newest[0].link) + "feed/")
    }

    @Test("a post in a hidden state never reaches a feed, and its own comment feed is not found", arguments: FeedSite.hiddenStatuses)
    func hiddenPost(status: String) async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        let title = FeedSite.hiddenTitle(status)
        for path in ["/feed/", "/feed/atom/", "/feed/rdf/", "/comments/feed/", "/category/swift/feed/", "/tag/swift/feed/"] {
            let feed = try await Self.read(harness, path)
            #expect(!feed.allText.contains(title) && !feed.allText.contains("Reader of \(status)"), "\(path)")
        }
        let month = "/2013/03/hidden-\(status)-post/"
        #expect(try await FeedRead.fetch(harness.base + month + "feed/", host: FeedSite.host).status == 404)
        let id = 910 + (FeedSite.hiddenStatuses.firstIndex(of: status) ?? 0)
        #expect(try await FeedRead.fetch(harness.base + "/?p=\(id)&feed=rss2", host: FeedSite.host).status == 404)
    }

    @Test("a password-protected post shows its title and a notice, never its content, excerpt or comments")
    func protectedPost() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        for path in ["/feed/", "/feed/atom/", "/feed/rdf/", "/comments/feed/", "/2013/02/protected-post/feed/"] {
            let feed = try await Self.read(harness, path)
            for secret in ["Secret body words", "Secret excerpt words", "Secret comment words", "Protected Reader"] {
                #expect(!feed.allText.contains(secret), "\(path): \(secret)")
            }
        }
        let feed = try await Self.read(harness, "/feed/")
        let entry = try #require(feed.entries.first { $0["title"] as? String == "Protected post" })
        #expect((entry["content"] as? [String])?.first?.contains("password protected") == true)
        #expect(try await Self.read(harness, "/2013/02/protected-post/feed/").entries.isEmpty)
    }

    @Test("an unapproved, spam or trashed comment or ping never reaches a comment feed", arguments: FeedSite.hiddenApprovals)
    func hiddenComment(approval: String) async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        for path in ["/comments/feed/", "/2013/03/newest-public-post/feed/", "/?p=901&feed=rss2"] {
            let feed = try await Self.read(harness, path)
            #expect(!feed.allText.contains(FeedSite.hiddenCommenter(approval)), "\(path)")
            #expect(!feed.allText.contains("the \(approval) commenter") && !feed.allText.contains("the \(approval) blog"), "\(path)")
        }
    }

    @Test("the comment feeds list the newest approved comments and pings, site-wide and of one post")
    func commentFeeds() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        let posts = try Self.facts(harness).posts
        // Site-wide: approved comments and pings of public posts that are not password-protected.
        let all = posts.filter { !$0.isProtected }.flatMap { post in post.comments.map { (post: post.title, author: $0.author, date: $0.date) } }
        let newest = Array(all.sorted { $0.date > $1.date }.prefix(10))
        for path in ["/comments/feed/", "/?feed=comments-rss2", "/wp-commentsrss2.php", "/comments/feed/atom/", "/?feed=comments-atom"] {
            let feed = try await Self.read(harness, path)
            #expect(feed.version == (path.hasSuffix("atom") || path.hasSuffix("atom/") ? "atom10" : "rss20"), "\(path)")
            #expect(feed.title == "Comments for Peer Blog", "\(path)")
            #expect(feed.strings("published") == newest.map(\.date), "\(path)")
            #expect(Set(feed.strings("title").compactMap { $0 }) == Set(newest.map { "Comment on \($0.post) by \($0.author)" }), "\(path)")
        }
        // One post's, by its permalink and by ?p=: "By: NAME", newest first.
        let post = try #require(posts.first { $0.title == "Post 195: Dolor sit" })
        let expected = post.comments.sorted { $0.date > $1.date }
        for path in [FeedFacts.path(of: post.link) + "feed/", "/?p=198&feed=rss2", FeedFacts.path(of: post.link) + "feed/atom/"] {
            let feed = try await Self.read(harness, path)
            // WordPress's Atom comment feed has no colon in its title.
            #expect(feed.title == (path.hasSuffix("atom/") ? "Comments on Post 195: Dolor sit" : "Comments on: Post 195: Dolor sit"), "\(path)")
            #expect(feed.strings("published") == expected.map(\.date), "\(path)")
            #expect(Set(feed.strings("title").compactMap { $0 }) == Set(expected.map { "By: \($0.author)" }), "\(path)")
            #expect(feed.strings("link").allSatisfy { $0?.hasPrefix("http://\(FeedSite.host)\(FeedFacts.path(of: post.link))#comment-") == true })
        }
    }

    @Test("category and tag feeds list the newest public posts filed under the term, whatever the slug's script")
    func termFeeds() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        let posts = try Self.facts(harness).posts
        let arabic = "%d8%a7%d9%84%d8%b9%d8%b1%d8%a8%d9%8a%d8%a9"
        for (path, taxonomy, slug) in [("/category/swift/feed/", "category", "swift"), ("/tag/swift/feed/atom/", "tag", "swift"),
                                       ("/tag/\(arabic)/feed/", "tag", arabic), ("/tag/\(arabic.uppercased())/feed/", "tag", arabic)] {
            let filed = posts.filter { (taxonomy == "tag" ? $0.tagSlugs : $0.categorySlugs).contains(slug) }
            #expect(!filed.isEmpty)
            let feed = try await Self.read(harness, path)
            #expect(feed.strings("title") == filed.prefix(10).map(\.title), "\(path)")
        }
        #expect(try await FeedRead.fetch(harness.base + "/category/no-such-term/feed/", host: FeedSite.host).status == 404)
        // A category slugged `feed`: its archive page stays the archive's, its feed is one more `feed/` on.
        #expect(try await Self.read(harness, "/category/feed/feed/").strings("title") == ["Newest public post"])
        let page = try await harness.curl(["-H", "Host: \(FeedSite.host)", harness.base + "/category/feed/"])
        #expect(page.status == 200 && page.headers.lowercased().contains("content-type: text/html") && page.body.contains("Newest public post"))
    }

    @Test("Movable Type's index.xml, atom.xml and index.rdf list the blog's published entries, newest first")
    func movableTypeFeeds() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        // The sample's published entries, read from the file: its TITLE, STATUS and DATE lines.
        let text = try String(contentsOfFile: FeedSite.movableType, encoding: .utf8)
        var entries: [(title: String, date: Date)] = []
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "MM/dd/yyyy hh:mm:ss a"
        for entry in text.components(separatedBy: "\n--------\n") {
            let header = entry.components(separatedBy: "\n-----\n").first ?? ""
            let fields = Dictionary(header.split(separator: "\n").compactMap { line -> (String, String)? in
                guard let colon = line.firstIndex(of: ":") else { return nil }
                return (String(line[..<colon]).trimmingCharacters(in: .whitespaces), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }, uniquingKeysWith: { first, _ in first })
            guard fields["STATUS"] == "Publish", let title = fields["TITLE"], let date = fields["DATE"].flatMap(parser.date(from:)) else { continue }
            entries.append((title, date))
        }
        let expected = entries.sorted { $0.date > $1.date }.map(\.title)
        #expect(expected.count >= 2)
        for (path, version) in [("/index.xml", "rss20"), ("/atom.xml", "atom10"), ("/index.rdf", "rss10")] {
            let feed = try await Self.read(harness, path, host: FeedSite.movableTypeHost)
            #expect(feed.version == version, "\(path)")
            #expect(feed.strings("title") == expected, "\(path)")
            #expect(feed.strings("link").allSatisfy { $0?.hasPrefix("http://\(FeedSite.movableTypeHost)/") == true }, "\(path)")
        }
    }

    @Test("on a host that names no site, ?site=ID picks the site, and without it there is no feed")
    func siteParameter() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        // The peer blog was imported first (site 1), the Movable Type blog last (site 2).
        let peer = try await Self.read(harness, "/feed/?site=1", host: "elsewhere.example")
        #expect(peer.title == "Peer Blog" && peer.entries.count == 10)
        #expect(peer.strings("link").allSatisfy { $0?.hasPrefix("http://elsewhere.example/") == true })
        // The links that name the site keep naming it: the home page and each post's comment feed.
        #expect(peer.link == "http://elsewhere.example/?site=1")
        let commentFeed = try #require(peer.strings("comment_feed").first ?? nil)
        #expect(commentFeed.hasSuffix("/feed/?site=1"))
        #expect(try await Self.read(harness, FeedFacts.path(of: commentFeed), host: "elsewhere.example").title?.hasPrefix("Comments on: ") == true)
        let movableType = try await Self.read(harness, "/index.xml?site=2", host: "elsewhere.example")
        #expect(movableType.strings("link").allSatisfy { $0?.hasPrefix("http://elsewhere.example/archives/") == true })
        #expect(try await FeedRead.fetch(harness.base + "/feed/", host: "elsewhere.example").status == 404)
    }

    @Test("links are absolute on --public-url when it is given")
    func publicURL() async throws {
        let harness = try await Self.server { $0.publicURL = "https://archive.example/" }
        defer { harness.stop() }
        let newest = try Self.facts(harness).posts[0]
        let feed = try await Self.read(harness, "/feed/")
        #expect(feed.link == "https://archive.example/")
        #expect(feed.strings("link").first == "https://archive.example" + FeedFacts.path(of: newest.link))
        #expect(feed.strings("link").allSatisfy { $0?.hasPrefix("https://archive.example/") == true })
    }

    @Test("a conditional GET is answered 304 until what the feed shows changes, by ETag or by date")
    func conditionalGet() async throws {
        let harness = try await Self.server()
        defer { harness.stop() }
        let first = try await Self.read(harness, "/feed/")
        let etag = try #require(first.etag)
        let lastModified = try #require(first.lastModified)
        for header in ["If-None-Match: \(etag)", "If-Modified-Since: \(lastModified)"] {
            #expect(try await FeedRead.fetch(harness.base + "/feed/", host: FeedSite.host, headers: [header]).status == 304, "\(header)")
        }
        #expect(try await FeedRead.fetch(harness.base + "/feed/", host: FeedSite.host, headers: ["If-None-Match: \"other\""]).status == 200)
        // A commit that changes nothing the feed shows keeps the validators.
        _ = try await harness.sqlite("UPDATE comments SET author_ip = '192.0.2.10' WHERE author = 'Fresh Reader'")
        try await Task.sleep(for: .milliseconds(300))
        let same = try await Self.read(harness, "/feed/")
        #expect(same.etag == etag && same.lastModified == lastModified)
        // Another process approves a comment: the newest post's count changes, and so does the
        // answer once the cache has looked at the database again (at most every 200 ms).
        _ = try await harness.sqlite("UPDATE comments SET status = 'approved', approved = '1' WHERE author = '\(FeedSite.hiddenCommenter("0"))'")
        try await Task.sleep(for: .milliseconds(300))
        for header in ["If-None-Match: \(etag)", "If-Modified-Since: \(lastModified)"] {
            let changed = try await FeedRead.fetch(harness.base + "/feed/", host: FeedSite.host, headers: [header])
            #expect(changed.status == 200, "\(header)")
            #expect(changed.etag != etag && changed.lastModified != lastModified)
            #expect(changed.entries.first?["comment_count"] as? String == "3")
        }
    }

    @Test("the XSS corpus in a post, a comment and a ping never reaches a feed as markup that could run")
    func hostileText() async throws {
        let corpus = try HTMLSafety.corpus()
        let harness = try await Self.server(hostile: corpus.joined(separator: "\n"))
        defer { harness.stop() }
        for path in ["/feed/", "/feed/atom/", "/feed/rdf/", "/comments/feed/", "/comments/feed/atom/", "/2013/02/hostile-post/feed/",
                     "/2013/02/hostile-post/feed/atom/"] {
            let feed = try await Self.read(harness, path)
            // The hostile items are there, so what is checked is what was made of them.
            let hostile = feed.entries.filter { entry in
                ["Hostile post", "Hostile Reader", "Hostile Blog"].contains { (entry["title"] as? String ?? "").contains($0) }
            }
            #expect(hostile.count >= (path.hasPrefix("/feed/") ? 1 : 2), "\(path)")
            // What a reader renders as HTML, as served (feedparser's own sanitizing is off).
            let html = hostile.flatMap { [$0["summary"] as? String ?? ""] + ($0["content"] as? [String] ?? []) }
            #expect(!html.joined().isEmpty, "\(path)")
            #expect(try HTMLSafety.check(html: HTMLSafety.page(body: html.joined(separator: "\n"))) == [], "\(path)")
        }
    }
}
