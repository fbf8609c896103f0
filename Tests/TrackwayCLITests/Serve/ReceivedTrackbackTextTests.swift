import Foundation
import Testing
import TrackwayTesting

/// A TrackBack WordPress sent, from the socket to every place it shows: the text its sender meant,
/// never its character references escaped a second time (issue 18).
@Suite struct ReceivedTrackbackTextTests {
    /// The form body WordPress 6.1.9 sent to `trackway serve` (recorded; issue 18).
    static let wordPressForm = "title=WordPress%26%238217%3Bs+client+ping%3A+caf%C3%A9+%26%23038%3B+%26%238220%3Bquotes%26%238221%3B&url=http%3A%2F%2F127.0.0.1%3A8090%2F2013%2F01%2Fwp-client-ping-bb347fb700%2F&blog_name=Peer+Blog&excerpt=This+post+was+written+by+the+reference+peer+so+that+WordPress+sends+a+pingback.+It+links+to+the+target+post.+Second+paragraph%2C+so+that+the+TrackBack+excerpt+shows+how+WordPress+encodes+text%3A+it%26%238217%3Bs+got+%26%238220%3Bstraight+quotes%26%238221%3B%2C+caf%C3%A9%2C+%E6%97%A5%E6%9C%AC%E8%AA%9E%2C+an+e%26%238230%3B"
    /// The title as WordPress shows it.
    static let shownTitle = "WordPress\u{2019}s client ping: caf\u{E9} & \u{201C}quotes\u{201D}"
    /// The comment WordPress's receiver stores for that body.
    static let storedContent = "<strong>WordPress&#8217;s client ping: caf\u{E9} &#038; &#8220;quotes&#8221;</strong>\n\n"
        + "This post was written by the reference peer so that WordPress sends a pingback. It links to the target post. Second paragraph, "
        + "so that the TrackBack excerpt shows how WordPress encodes text: it&#8217;s got &#8220;straight quotes&#8221;, caf\u{E9}, 日本語, an e&#8230;"

    private static let feedToken = "feed-secret-5be0c81f27"

    @Test("WordPress's recorded TrackBack shows its title as text in pings list, its JSON, the owner's Atom feed and the exported WXR")
    func wordPressTrackbackShownAsText() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try CommandLineHarness.importSample(into: db.path)
        let server = try ServerProcess.start(database: db, arguments: ["--quiet", "--owner-feed-token", Self.feedToken], log: directory.file("serve.log"))
        defer { server.stop() }

        let sent = try ChildProcess.tool("curl", [
            "-s", "-H", "Content-Type: application/x-www-form-urlencoded; charset=UTF-8", "--data-binary", Self.wordPressForm,
            server.base + "/2026/04/mending-a-trawl-net/trackback/",
        ])
        #expect(sent.stdout.contains("<error>0</error>"), "\(sent.stdout)")
        let feed = try ChildProcess.tool("curl", ["-s", server.base + "/trackway/pings.atom?token=" + Self.feedToken])
        server.stop()
        #expect(try SQLiteFile(db).query("SELECT content FROM comments WHERE origin = 'gateway'") == Self.storedContent)

        let listed = try CommandLineHarness.trackway(["pings", "--db", db.path, "list", "--json"])
        let pings = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let received = try #require(pings.first { $0["origin"] as? String == "gateway" }, "\(listed.stdout)")
        #expect(received["sourceTitle"] as? String == Self.shownTitle)
        #expect(received["blogName"] as? String == "Peer Blog")
        let table = try CommandLineHarness.trackway(["pings", "--db", db.path, "list"])
        #expect(table.stdout.contains("\t" + Self.shownTitle + "\n"), "\(table.stdout)")

        let export = directory.file("export.xml")
        try #require(try CommandLineHarness.trackway(["export", "--db", db.path, "--include-received", "--output", export.path]).status == 0)
        let parsed = try Self.parse(atom: feed.stdout, wxr: export)
        let entryTitles = parsed["entry_titles"] as? [String] ?? []
        #expect(entryTitles.contains("TrackBack on \u{201C}Mending a trawl net, step by step\u{201D} from \(Self.shownTitle) (pending)"), "\(entryTitles)")
        let trackbacks = parsed["trackbacks"] as? [[String: String]] ?? []
        let exported = try #require(trackbacks.first { $0["url"] == "http://127.0.0.1:8090/2013/01/wp-client-ping-bb347fb700/" }, "\(trackbacks)")
        #expect(exported["author"] == "Peer Blog")
        #expect(exported["content"] == Self.storedContent)
        #expect(exported["shown"]?.hasPrefix(Self.shownTitle + "\n\nThis post was written") == true, "\(exported)")
        #expect(exported["shown"]?.hasSuffix("it\u{2019}s got \u{201C}straight quotes\u{201D}, caf\u{E9}, 日本語, an e\u{2026}") == true, "\(exported)")
    }

    /// The Atom feed's entry titles and the WXR's trackbacks (author, URL, content, and the
    /// content's text as a browser shows it), read with Python's XML and HTML parsers.
    private static func parse(atom: String, wxr: URL) throws -> [String: Any] {
        let script = """
        import html.parser, json, sys, xml.etree.ElementTree as ET
        A = "{http://www.w3.org/2005/Atom}"
        WP = "{http://wordpress.org/export/1.2/}"
        class Text(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.parts = []
            def handle_data(self, data):
                self.parts.append(data)
        def shown(content):
            reader = Text()
            reader.feed(content)
            reader.close()
            return "".join(reader.parts)
        feed = ET.fromstring(sys.argv[1])
        trackbacks = []
        for comment in ET.parse(sys.argv[2]).getroot().iter(WP + "comment"):
            if comment.findtext(WP + "comment_type") != "trackback":
                continue
            content = comment.findtext(WP + "comment_content")
            trackbacks.append({"author": comment.findtext(WP + "comment_author"), "url": comment.findtext(WP + "comment_author_url"),
                               "content": content, "shown": shown(content)})
        print(json.dumps({"entry_titles": [e.findtext(A + "title") for e in feed.findall(A + "entry")], "trackbacks": trackbacks}))
        """
        let result = try ChildProcess.tool("python3", ["-c", script, atom, wxr.path])
        try #require(result.status == 0, "\(result.stderr)")
        return try CommandLineHarness.jsonObject(result.stdout)
    }
}
