import Foundation
import Testing
import TrackwayTesting

/// `trackway redirects` on a site with nested pages, items WordPress never served and two items
/// sharing a post id, loaded into real nginx and Apache (Tests/Support/redirect_servers.py) and
/// asked for the old URLs.
@Suite("trackway redirects, loaded into real nginx and Apache and asked for old URLs")
struct RedirectsThroughServersTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    static func item(_ id: Int, _ type: String?, _ status: String, slug: String, parent: Int = 0, link: String,
                     guid: String? = nil, attachment: String? = nil) -> String {
        """
        <item><title>Item \(id)</title><link>http://old.example\(link)</link>
        <guid isPermaLink="false">\(guid ?? "http://old.example/?p=\(id)")</guid>
        <dc:creator>mara</dc:creator><content:encoded><![CDATA[text]]></content:encoded>
        <wp:post_id>\(id)</wp:post_id><wp:post_date>2026-03-16 07:20:00</wp:post_date>
        <wp:post_name>\(slug)</wp:post_name><wp:status>\(status)</wp:status><wp:post_parent>\(parent)</wp:post_parent>
        \(type.map { "<wp:post_type>\($0)</wp:post_type>" } ?? "")
        \(attachment.map { "<wp:attachment_url>http://old.example\($0)</wp:attachment_url>" } ?? "")
        </item>
        """
    }

    /// A grandchild page, a child under it, items that were never public (a draft, a private page,
    /// a page pending review, a scheduled post, a trashed post, an attachment of the draft), an
    /// unattached attachment, and an item without a post type before a page with its id.
    static let site = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
      xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
    <channel><title>Old</title><link>http://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
    <wp:base_site_url>http://old.example</wp:base_site_url><wp:base_blog_url>http://old.example</wp:base_blog_url>
    \(item(20, "page", "publish", slug: "about", link: "/about/"))
    \(item(21, "page", "publish", slug: "team", parent: 20, link: "/about/team/"))
    \(item(22, "page", "publish", slug: "divers", parent: 21, link: "/about/team/divers/"))
    \(item(12, "post", "publish", slug: "haul-out", link: "/2026/03/haul-out/"))
    \(item(13, "post", "draft", slug: "secret-plans", link: "/2026/03/secret-plans/"))
    \(item(14, "page", "private", slug: "staff-only", link: "/staff-only/"))
    \(item(15, "page", "pending", slug: "under-review", link: "/under-review/"))
    \(item(16, "post", "future", slug: "next-week", link: "/2026/03/next-week/"))
    \(item(17, "post", "trash", slug: "withdrawn", link: "/2026/03/withdrawn/"))
    \(item(41, "attachment", "inherit", slug: "plans-photo", parent: 13, link: "/2026/03/secret-plans/plans-photo/",
           guid: "http://old.example/wp-content/uploads/plans.jpg", attachment: "/wp-content/uploads/plans.jpg"))
    \(item(42, "attachment", "inherit", slug: "harbour-photo", link: "/harbour-photo/",
           guid: "http://old.example/wp-content/uploads/harbour.jpg", attachment: "/wp-content/uploads/harbour.jpg"))
    \(item(30, nil, "publish", slug: "typeless", link: "/typeless/"))
    \(item(30, "page", "publish", slug: "contact", link: "/contact/"))
    </channel></rss>
    """

    /// Old path (and query) → the new URL it must answer 301 with; nil where it must not redirect.
    static let expected: [String: String?] = [
        "/about/": "https://new.example/about/",
        "/about/team/": "https://new.example/about/team/",
        "/?page_id=21": "https://new.example/about/team/",
        "/about/team/divers/": "https://new.example/about/team/divers/",
        "/?page_id=22": "https://new.example/about/team/divers/",
        "/2026/03/haul-out/": "https://new.example/news/haul-out/",
        "/?p=12": "https://new.example/news/haul-out/",
        "/harbour-photo/": "https://new.example/harbour-photo/",
        "/wp-content/uploads/harbour.jpg": "https://new.example/wp-content/uploads/harbour.jpg",
        // The page holds id 30 in WordPress: the item without a post type is skipped.
        "/?p=30": "https://new.example/contact/",
        "/contact/": "https://new.example/contact/",
        "/2026/03/secret-plans/": nil,
        "/?p=13": nil,
        "/staff-only/": nil,
        "/?page_id=14": nil,
        "/under-review/": nil,
        "/2026/03/next-week/": nil,
        "/2026/03/withdrawn/": nil,
        "/2026/03/secret-plans/plans-photo/": nil,
        "/wp-content/uploads/plans.jpg": nil,
    ]

    func rules(_ format: String) throws -> URL {
        let wxr = try directory.write(Self.site, to: "old.xml")
        let db = directory.file("old.sqlite")
        let imported = try CommandLineHarness.trackway(["import", "--db", db.path, wxr.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        let result = try CommandLineHarness.trackway(["redirects", "--db", db.path, "--new-base", "https://new.example",
                                                      "--format", format, "--pattern", "/news/%postname%/"])
        try #require(result.status == 0, "redirects failed: \(result.stderr)")
        return try directory.write(result.stdout, to: "rules.\(format)")
    }

    /// Each old URL's answer from the server loaded with the rules: status and Location.
    func answers(_ server: String, format: String) throws -> [String: (status: Int, location: String?)] {
        let script = CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Support/redirect_servers.py")
        let paths = Self.expected.keys.sorted()
        let result = try ChildProcess.tool("python3", [script.path, server, try rules(format).path,
                                                       directory.file(server).path] + paths)
        try #require(result.status != 3, "\(server) is not installed: run scripts/setup.sh (\(result.stderr))")
        try #require(result.status == 0, "\(server) refused the rules or did not answer: \(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]])
        return json.mapValues { (status: $0["status"] as? Int ?? 0, location: $0["location"] as? String) }
    }

    func check(_ answers: [String: (status: Int, location: String?)]) {
        for (path, target) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let answer = answers[path]
            if let target {
                #expect(answer?.status == 301 && answer?.location == target,
                        "\(path) answered \(answer.map { "\($0.status) \($0.location ?? "-")" } ?? "nothing"), not 301 \(target)")
            } else {
                #expect(answer?.status == 404, "\(path), never public, answered \(answer.map { "\($0.status) \($0.location ?? "-")" } ?? "nothing")")
            }
        }
    }

    /// Whether the server's binary is on PATH or in /usr/sbin, where Debian puts it.
    static func installed(_ binary: String) -> Bool {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/sbin"]
        return folders.contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + binary) }
    }

    @Test("nginx -t accepts the rules, and nginx sends child pages under their parents and keeps unpublished items unknown",
          .enabled(if: installed("nginx"), "nginx is not installed: scripts/setup.sh installs nginx-light"))
    func nginx() throws {
        check(try answers("nginx", format: "nginx"))
    }

    @Test("apache2 -t accepts the rules, and Apache sends child pages under their parents and keeps unpublished items unknown",
          .enabled(if: installed("apache2"), "apache2 is not installed: scripts/setup.sh installs it"))
    func apache() throws {
        check(try answers("apache", format: "apache"))
    }
}
