import Foundation
import Testing
import TrackwayTesting

/// The read API of `trackway serve` over imported history: what an export held is listed the
/// moment it is imported, and what `trackway pings` moderates from its own process shows at once.
@Suite struct MentionsAPICommandTests {
    private static let peerBlog = CommandLineHarness.fixtures.appendingPathComponent("wxr/wordpress-6.1/peer-blog.xml")

    /// Counts, with Python's ElementTree, the approved comments, trackbacks and pingbacks of the
    /// export's public posts (published, no password), and asks the server for each post's list
    /// and count; prints both tallies and every post whose sources differ.
    private static let tallyScript = """
    import json, sys, urllib.parse, urllib.request
    import xml.etree.ElementTree as ET
    WP = "{http://wordpress.org/export/1.2/}"
    path, base = sys.argv[1], sys.argv[2]
    def get(route, target, extra=""):
        url = base + route + "?per-page=100&target=" + urllib.parse.quote(target, safe="") + extra
        with urllib.request.urlopen(url) as answer:
            return json.load(answer)
    expected = {"comment": 0, "trackback": 0, "pingback": 0}
    listed = {"comment": 0, "trackback": 0, "pingback": 0}
    counted = {"reply": 0, "mention": 0}
    differing = []
    for item in ET.parse(path).getroot().iter("item"):
        public = item.findtext(WP + "status") == "publish" and not (item.findtext(WP + "post_password") or "")
        sources = {}
        for comment in item.findall(WP + "comment"):
            if comment.findtext(WP + "comment_approved") != "1":
                continue
            kind = comment.findtext(WP + "comment_type") or "comment"
            if public:
                expected[kind] += 1
                if kind != "comment":
                    sources.setdefault(kind, set()).add(comment.findtext(WP + "comment_author_url"))
        if not item.findall(WP + "comment"):
            continue
        link = item.findtext("link")
        feed = get("/api/mentions.jf2", link)
        found = {}
        for entry in feed["children"]:
            listed[entry["wm-protocol"]] += 1
            if entry["wm-protocol"] != "comment":
                found.setdefault(entry["wm-protocol"], set()).add(entry["wm-source"])
        pages = 1
        while len(feed["children"]) == 100:
            feed = get("/api/mentions.jf2", link, "&page=%d" % pages)
            pages += 1
            for entry in feed["children"]:
                listed[entry["wm-protocol"]] += 1
        if found != sources:
            differing.append(link)
        for kind, number in get("/api/count", link)["type"].items():
            counted[kind] += number
    print(json.dumps({"expected": expected, "listed": listed, "counted": counted, "differing": differing}))
    """

    private static func curl(_ url: String) throws -> String {
        try ChildProcess.tool("curl", ["-s", "-g", url]).stdout
    }

    @Test("every approved trackback, pingback and comment of peer-blog.xml is in the API once imported")
    func importedHistoryIsListed() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, Self.peerBlog.path]).status == 0)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        let output = try await onOwnThread { [base = server.base] in
            try ChildProcess.tool("python3", ["-c", Self.tallyScript, Self.peerBlog.path, base]).stdout
        }
        let tally = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let expected = try #require(tally["expected"] as? [String: Int])
        // The fixture's README: 67 trackbacks and 67 pingbacks, all approved on public posts.
        #expect(expected["trackback"] == 67)
        #expect(expected["pingback"] == 67)
        #expect(tally["listed"] as? [String: Int] == expected)
        #expect(tally["counted"] as? [String: Int] == [
            "reply": expected["comment"] ?? -1, "mention": (expected["trackback"] ?? 0) + (expected["pingback"] ?? 0),
        ])
        #expect(tally["differing"] as? [String] == [])
    }

    @Test("a ping marked spam or approved with trackway pings in another process shows in the next answer")
    func moderationFromTheCommandLineShowsAtOnce() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, Self.peerBlog.path]).status == 0)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        let post = "http://127.0.0.1:8090/2008/01/post-003-comment-ipsum/"
        let url = server.base + "/api/mentions.jf2?wm-property=mention-of&target=" + post
        func sources() throws -> [Int: String] {
            let feed = try JSONSerialization.jsonObject(with: Data(try Self.curl(url).utf8)) as? [String: Any]
            var found: [Int: String] = [:]
            for entry in feed?["children"] as? [[String: Any]] ?? [] {
                if let id = entry["wm-id"] as? Int { found[id] = entry["wm-source"] as? String }
            }
            return found
        }
        let before = try sources()
        let (id, source) = try #require(before.first)
        // Asked again, so the server answers from what it kept.
        #expect(try sources() == before)
        #expect(try CommandLineHarness.trackway(["pings", "spam", "--db", db.path, String(id)]).status == 0)
        #expect(try sources()[id] == nil)
        #expect(try CommandLineHarness.trackway(["pings", "approve", "--db", db.path, String(id)]).status == 0)
        #expect(try sources()[id] == source)
    }

    @Test("a Movable Type entry's pings are listed at its old URL with their titles and blog names")
    func movableTypePingsAreListed() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        let export = CommandLineHarness.fixtures.appendingPathComponent("mt/movabletypeparser-net/PostWithPings.txt")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, export.path]).status == 0)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        // The entry's UNIQUE URL is https://www.example.com/foo-bar.html; asked over http without www.
        let body = try Self.curl(server.base + "/api/mentions.jf2?sort-dir=up&target=http://example.com/foo-bar.html")
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let entries = try #require(feed["children"] as? [[String: Any]])
        try #require(entries.count == 2, "\(body)")
        for (index, entry) in entries.enumerated() {
            #expect(entry["wm-protocol"] as? String == "trackback")
            #expect(entry["name"] as? String == "Foo ping \(index + 1)")
            #expect((entry["author"] as? [String: Any])?["name"] as? String == "Foo blog name \(index + 1)")
            #expect((entry["content"] as? [String: Any])?["text"] as? String == "Ping \(index + 1) excerpt text")
            #expect(entry["mention-of"] as? String == "http://example.com/foo-bar.html")
        }
        #expect(entries.map { $0["url"] as? String } == ["http://example.com/ping/foo", "http://example.com/ping/foo/bar"])
    }
}
