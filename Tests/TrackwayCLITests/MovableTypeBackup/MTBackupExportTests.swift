import Foundation
import Testing
import TrackwayTesting

/// `trackway export` of a blog imported from a Movable Type backup: WXR that WordPress's
/// importer takes, read back with Python's ElementTree (not Trackway's reader).
@Suite struct MTBackupExportTests {
    /// Items, comments and categories of a WXR as JSON: what WordPress's importer reads of them.
    private static let readWXR = """
        import json, sys, xml.etree.ElementTree as ET
        wp = '{http://wordpress.org/export/1.2/}'
        channel = ET.parse(sys.argv[1]).getroot().find('channel')
        out = {'items': {}, 'categories': {}}
        for c in channel.findall(wp + 'category'):
            out['categories'][c.findtext(wp + 'category_nicename')] = c.findtext(wp + 'category_parent')
        for item in channel.findall('item'):
            comments = [{'id': c.findtext(wp + 'comment_id'), 'author': c.findtext(wp + 'comment_author'),
                         'approved': c.findtext(wp + 'comment_approved'), 'type': c.findtext(wp + 'comment_type'),
                         'parent': c.findtext(wp + 'comment_parent')} for c in item.findall(wp + 'comment')]
            out['items'][item.findtext(wp + 'post_name')] = {
                'type': item.findtext(wp + 'post_type'), 'status': item.findtext(wp + 'status'),
                'ping_status': item.findtext(wp + 'ping_status'), 'comments': comments,
                'categories': [c.get('nicename') for c in item.findall('category') if c.get('domain') == 'category']}
        print(json.dumps(out))
        """

    @Test("the exported WXR keeps MT's statuses (spam as spam, pending as pending), threads, the category hierarchy and pages as pages, and reads back without a warning")
    func exportKeepsStatusesThreadsAndHierarchy() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        let export = directory.file("tea.xml")
        try #require(try CommandLineHarness.trackway(["import", "--db", db.path, MTBackupFixture.backup.path]).status == 0)
        let siteID = try SQLiteFile(db).query("SELECT id FROM sites WHERE source_key = 'mt:tea_leaves'")
        let exported = try CommandLineHarness.trackway(["export", "--db", db.path, "--site", siteID, "--output", export.path])
        try #require(exported.status == 0, "\(exported.stderr)")
        let parsed = try ChildProcess.tool("python3", ["-c", Self.readWXR, export.path])
        try #require(parsed.status == 0, "\(parsed.stderr)")
        let wxr = try CommandLineHarness.jsonObject(parsed.stdout)
        let items = try #require(wxr["items"] as? [String: [String: Any]])

        let statuses = items.mapValues { "\($0["type"] ?? "")/\($0["status"] ?? "")" }
        #expect(statuses == [
            "first_brew": "post/publish", "draft_thoughts": "post/draft", "steeping_times": "post/publish",
            "review_me": "post/pending", "future_pot": "post/future", "taken_down": "post/draft",
            "members_only": "post/publish", "closed_brew": "post/publish",
            "our_team": "page/publish", "about_us": "page/publish", "teapot": "attachment/inherit",
        ])
        #expect(items["steeping_times"]?["ping_status"] as? String == "closed")
        #expect(items["first_brew"]?["categories"] as? [String] == ["sencha", "green"])
        #expect(wxr["categories"] as? [String: String] == ["green": "", "sencha": "green"])

        let comments = try #require(items["first_brew"]?["comments"] as? [[String: String]])
        let byAuthor = Dictionary(grouping: comments, by: { $0["author"] ?? "" })
        #expect(comments.count == 8)
        #expect(byAuthor["Ann"]?.map { $0["approved"] ?? "" }.sorted() == ["0", "1"])
        #expect(byAuthor["Spammer"]?.first?["approved"] == "spam")
        #expect(byAuthor["Visible junk"]?.first?["approved"] == "spam")
        #expect(byAuthor["Pills"]?.first?["approved"] == "spam")
        #expect(byAuthor["Slow Blog"]?.first?["approved"] == "0")
        #expect(byAuthor["Pills"]?.first?["type"] == "trackback")
        // Threads: Melody answers Ann's first comment, Ann's held reply answers Melody.
        let ids = Dictionary(comments.map { ("\($0["author"] ?? "")/\($0["approved"] ?? "")", $0["id"] ?? "") }, uniquingKeysWith: { first, _ in first })
        let melody = try #require(comments.first { $0["author"] == "Melody Nelson" })
        #expect(melody["parent"] == ids["Ann/1"])
        #expect(comments.first { $0["author"] == "Ann" && $0["approved"] == "0" }?["parent"] == melody["id"])

        // Trackway's WXR reader, which warns of every item WordPress's importer would skip, takes it whole.
        let reimported = try CommandLineHarness.trackway(["import", "--json", "--db", directory.file("again.sqlite").path, export.path])
        try #require(reimported.status == 0, "\(reimported.stderr)")
        let report = try CommandLineHarness.jsonObject(reimported.stdout)
        let files = try #require(report["files"] as? [[String: Any]])
        let warnings: [String] = files.first.flatMap { $0["warnings"] as? [String] } ?? []
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(try SQLiteFile(directory.file("again.sqlite")).query("SELECT status, count(*) FROM comments GROUP BY status ORDER BY status")
            == "approved|3\npending|2\nspam|3")
    }
}
