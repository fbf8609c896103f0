import Foundation
import Testing
import TrackwayTesting

/// Trackway pinging Trackway: `trackway serve` on an imported blog receives what `trackway ping`
/// sends, by hand and for every outbound link of a stored post (`--post`, recorded per post).
@Suite(.serialized) struct PingTrackwayToTrackwayTests {
    typealias Page = TestSite.Page

    /// A one-post WXR 1.2 file: the post at `link` with `content`, pings open.
    static func wxr(blog: String, title: String, link: String, content: String, excerpt: String = "", status: String = "publish") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
        <channel>
            <title>\(title)</title>
            <link>\(blog)</link>
            <description>A blog</description>
            <wp:wxr_version>1.2</wp:wxr_version>
            <wp:base_site_url>\(blog)</wp:base_site_url>
            <wp:base_blog_url>\(blog)</wp:base_blog_url>
            <item>
                <title>Hello world</title>
                <link>\(link)</link>
                <dc:creator><![CDATA[admin]]></dc:creator>
                <guid isPermaLink="false">\(blog)/?p=1</guid>
                <content:encoded><![CDATA[\(content)]]></content:encoded>
                <excerpt:encoded><![CDATA[\(excerpt)]]></excerpt:encoded>
                <wp:post_id>1</wp:post_id>
                <wp:post_date><![CDATA[2008-01-10 10:00:00]]></wp:post_date>
                <wp:post_date_gmt><![CDATA[2008-01-10 10:00:00]]></wp:post_date_gmt>
                <wp:comment_status><![CDATA[open]]></wp:comment_status>
                <wp:ping_status><![CDATA[open]]></wp:ping_status>
                <wp:post_name><![CDATA[hello]]></wp:post_name>
                <wp:status><![CDATA[\(status)]]></wp:status>
                <wp:post_type><![CDATA[post]]></wp:post_type>
            </item>
        </channel>
        </rss>
        """
    }

    /// Imports a one-post blog into a fresh database in `directory`.
    static func importBlog(_ file: String, into directory: TemporaryDirectory, name: String) throws -> URL {
        let xml = directory.file("\(name).xml")
        let db = directory.file("\(name).sqlite")
        try file.write(to: xml, atomically: true, encoding: .utf8)
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, xml.path])
        try #require(result.status == 0, "\(result.stderr)")
        return db
    }

    /// The receiving blog: Trackway serving an imported post at /2008/01/hello/.
    static func receivingBlog(in directory: TemporaryDirectory) throws -> (db: URL, server: ServerProcess) {
        let db = try importBlog(
            wxr(blog: "http://blog.example", title: "Their blog", link: "http://blog.example/2008/01/hello/", content: "<p>Theirs.</p>"),
            into: directory, name: "theirs"
        )
        return (db, try ServerProcess.start(
            database: db, arguments: ["--quiet", "--allow-private-sources"], log: directory.file("serve.log")
        ))
    }

    @Test("sends a pingback Trackway verifies and registers, then learns it is already registered (fault 48)")
    func pingback() throws {
        let directory = try TemporaryDirectory()
        let (db, server) = try Self.receivingBlog(in: directory)
        defer { server.kill9() }
        let site = try TestSite()
        defer { site.stop() }
        try site.serve(["/mine": Page(body: "<html><head><title>Mine</title></head><body><p>See <a href=\"http://blog.example/2008/01/hello/\">their post</a>.</p></body></html>")])
        let source = site.base + "/mine"
        let target = server.base + "/2008/01/hello/"

        let first = try CommandLineHarness.trackway(["ping", "--allow-private-targets", "--via", "pingback", "--json", source, target])
        #expect(first.status == 0, "\(first.stderr)")
        let outcome = try CommandLineHarness.jsonObject(first.stdout)
        #expect(outcome["endpoint"] as? String == server.base + "/xmlrpc.php")
        #expect(outcome["message"] as? String == "Pingback from \(source) to \(target) registered. Keep the web talking! :-)")
        let discovered = outcome["discovered"] as? [String: Any]
        #expect(discovered?["trackback"] as? String == server.base + "/2008/01/hello/trackback/")
        #expect(try SQLiteFile(db).query("SELECT kind, status, source_title, author_url FROM comments") == "pingback|approved|Mine|\(source)")

        let again = try CommandLineHarness.trackway(["ping", "--allow-private-targets", "--via", "pingback", source, target])
        #expect(again.status == 1)
        #expect(again.stderr.contains("fault 48 The pingback has already been registered."), "\(again.stderr)")
        #expect(try SQLiteFile(db).query("SELECT count(*) FROM comments") == "1")
    }

    @Test("sends a trackback Trackway stores with the title, excerpt and blog name it was given")
    func trackback() throws {
        let directory = try TemporaryDirectory()
        let (db, server) = try Self.receivingBlog(in: directory)
        defer { server.kill9() }
        let source = "http://source.example/2024/05/mine/"
        let result = try CommandLineHarness.trackway([
            "ping", "--allow-private-targets", "--via", "trackback", "--title", "Mine: Ünïcode", "--excerpt", "I agree & add more.",
            "--blog-name", "My blog", source, server.base + "/2008/01/hello/",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("sent        trackback to \(server.base)/2008/01/hello/trackback/"))
        #expect(try SQLiteFile(db).query("SELECT kind, source_title, blog_name, author_url FROM comments") == "trackback|Mine: Ünïcode|My blog|\(source)")
        #expect(try SQLiteFile(db).query("SELECT content FROM comments").contains("I agree &amp; add more."))
    }

    @Test("pings every outbound link of an imported post once: dry run first, then send, record, skip what was pinged")
    func postLinks() throws {
        let directory = try TemporaryDirectory()
        let (theirDB, server) = try Self.receivingBlog(in: directory)
        defer { server.kill9() }
        let mySite = try TestSite()
        defer { mySite.stop() }
        let elsewhere = try TestSite()
        defer { elsewhere.stop() }
        try elsewhere.serve([
            "/mentions-welcome": Page(headers: [("Link", "</wm>; rel=webmention")]),
            "/plain": Page(body: "<html><body>no endpoints</body></html>"),
        ])
        let permalink = mySite.base + "/blog/2024/05/mine/"
        let theirPost = server.base + "/2008/01/hello/"
        let content = """
            <p>I read <a href="\(theirPost)">their post</a> and <a href="\(elsewhere.base)/mentions-welcome">this one</a>,
            again <a href="\(theirPost)#comments">their comments</a>, my <a href="/blog/about/">about page</a>,
            <a href="\(mySite.base)/blog/other/">another post of mine</a>, <a href="http://home.example/">a home page</a>
            and <a href="\(elsewhere.base)/plain">a plain page</a>.</p>
            """
        // My post's page links to theirs, so their pingback check finds the link.
        try mySite.serve(["/blog/2024/05/mine/": Page(body: "<html><head><title>Mine</title></head><body>\(content)</body></html>")])
        let myDB = try Self.importBlog(
            Self.wxr(blog: mySite.base + "/blog", title: "My blog", link: permalink, content: content, excerpt: "<p>Short &amp; <b>sweet</b></p>"),
            into: directory, name: "mine"
        )
        #expect(try elsewhere.takeReceived().isEmpty, "importing sent something")
        let postID = try SQLiteFile(myDB).query("SELECT id FROM posts")
        let expectedTargets = [theirPost, elsewhere.base + "/mentions-welcome", elsewhere.base + "/plain"]

        let dryRun = try CommandLineHarness.trackway(["ping", "--db", myDB.path, "--post", postID, "--dry-run", "--json", "--allow-private-targets"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let planned = try CommandLineHarness.jsonObject(dryRun.stdout)["results"] as? [[String: Any]] ?? []
        #expect(planned.map { $0["target"] as? String ?? "" } == expectedTargets)
        #expect(planned.map { $0["result"] as? String ?? "" } == ["not-sent", "not-sent", "no-endpoint"])
        #expect(planned.first?["source"] as? String == permalink)
        #expect(try elsewhere.takeReceived().isEmpty)
        #expect(try SQLiteFile(theirDB).query("SELECT count(*) FROM comments") == "0")
        #expect(try SQLiteFile(myDB).query("SELECT count(*) FROM outbound_pings") == "0")

        let sent = try CommandLineHarness.trackway(["ping", "--db", myDB.path, "--post", postID, "--json", "--allow-private-targets"])
        #expect(sent.status == 0, "\(sent.stderr)")
        let results = try CommandLineHarness.jsonObject(sent.stdout)["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["result"] as? String ?? "" } == ["accepted", "accepted", "no-endpoint"])
        // Trackway advertises Webmention first, so that is what auto sends; it is verified in the background.
        #expect(try Self.settled(theirDB, "SELECT kind FROM comments WHERE author_url = '\(permalink)'") == "webmention")
        let mention = try elsewhere.takeReceived()
        #expect(mention.count == 1)
        #expect(mention.first?["form"] as? [String: String] == ["source": permalink, "target": elsewhere.base + "/mentions-welcome"])
        #expect(try SQLiteFile(myDB).query("SELECT target_url, outcome, pinged FROM outbound_pings ORDER BY target_url") == """
            \(theirPost)|accepted|1
            \(elsewhere.base)/mentions-welcome|accepted|1
            \(elsewhere.base)/plain|no-endpoint|0
            """.split(separator: "\n").sorted().joined(separator: "\n"))

        let again = try CommandLineHarness.trackway(["ping", "--db", myDB.path, "--post", postID, "--allow-private-targets"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("skipped     \(theirPost) (already pinged)"))
        #expect(again.stdout.contains("skipped     \(elsewhere.base)/mentions-welcome (already pinged)"))
        #expect(again.stdout.contains("\(elsewhere.base)/plain\tno-endpoint"))
        #expect(try elsewhere.takeReceived().isEmpty)
        #expect(try SQLiteFile(theirDB).query("SELECT count(*) FROM comments") == "1")
    }

    /// The query's answer once it is not empty, read again for up to 10 s (for background work).
    static func settled(_ db: URL, _ sql: String) throws -> String {
        var answer = ""
        for _ in 0..<100 {
            // Read while the server writes: a failed read is one more try, not the answer.
            answer = (try? SQLiteFile(db).query(sql)) ?? ""
            if !answer.isEmpty { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return answer
    }

    @Test("sends a stored post's trackback with its title, text excerpt and blog name, and exits 1 when refused")
    func postTrackbackRefused() throws {
        let directory = try TemporaryDirectory()
        let mySite = try TestSite()
        defer { mySite.stop() }
        let elsewhere = try TestSite()
        defer { elsewhere.stop() }
        try elsewhere.serve([
            "/closed": Page(body: "<html><body><a rel=\"trackback\" href=\"/tb/1\">TrackBack</a></body></html>"),
            "/tb/1": Page(body: "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<response>\n<error>1</error>\n<message>Sorry, trackbacks are closed for this item.</message>\n</response>"),
        ])
        let long = String(repeating: "word ", count: 80)
        let myDB = try Self.importBlog(
            Self.wxr(blog: mySite.base + "/blog", title: "My blog", link: mySite.base + "/blog/p/", content: "<p>See <a href=\"\(elsewhere.base)/closed\">this</a>. \(long)</p>"),
            into: directory, name: "mine"
        )
        let postID = try SQLiteFile(myDB).query("SELECT id FROM posts")
        let result = try CommandLineHarness.trackway(["ping", "--db", myDB.path, "--post", postID, "--allow-private-targets"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("1 of 1 ping(s) not accepted") && result.stderr.contains("trackbacks are closed"), "\(result.stderr)")
        let form = try elsewhere.takeReceived().first?["form"] as? [String: String] ?? [:]
        #expect(form["title"] == "Hello world" && form["blog_name"] == "My blog" && form["url"] == mySite.base + "/blog/p/")
        let excerpt = form["excerpt"] ?? ""
        #expect(excerpt.hasPrefix("See this. word word") && excerpt.hasSuffix("\u{2026}") && excerpt.count == 253, "\(excerpt)")
        #expect(try SQLiteFile(myDB).query("SELECT outcome, pinged FROM outbound_pings") == "refused|0")
    }

    @Test("refuses --post with positional URLs, and a post that does not exist")
    func postValidation() throws {
        let both = try CommandLineHarness.trackway(["ping", "--post", "1", "http://a.example/x", "http://b.example/y"])
        #expect(both.status != 0 && both.stderr.contains("not both"))
        let directory = try TemporaryDirectory()
        let db = try Self.importBlog(Self.wxr(blog: "http://me.example", title: "Me", link: "http://me.example/p/", content: "x"), into: directory, name: "me")
        let missing = try CommandLineHarness.trackway(["ping", "--db", db.path, "--post", "999"])
        #expect(missing.status == 1 && missing.stderr == "trackway ping: no post with id 999 in \(db.path)\n")
        let draftDB = try Self.importBlog(
            Self.wxr(blog: "http://me.example", title: "Me", link: "http://me.example/d/", content: "<a href=\"http://127.0.0.1:9/x\">x</a>", status: "draft"),
            into: directory, name: "draft"
        )
        let draft = try CommandLineHarness.trackway(["ping", "--db", draftDB.path, "--post", "1"])
        #expect(draft.status == 1 && draft.stderr.contains("is not published (status 'draft')"), "\(draft.stderr)")
        #expect(try SQLiteFile(draftDB).query("SELECT count(*) FROM outbound_pings") == "0")
    }
}
