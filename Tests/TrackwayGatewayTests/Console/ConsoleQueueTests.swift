import Foundation
import Testing
import TrackwayCore
import TrackwayGateway
@testable import TrackwayStore
import TrackwayTesting

/// The queue and its actions over 127.0.0.1, signed in: what the rows show, the filters, the
/// pages, and each action against what `trackway pings` does to the same database.
@Suite struct ConsoleQueueTests {
    private static func signedIn(_ harness: GatewayHarness) async throws -> ConsoleBrowser {
        let browser = ConsoleBrowser(harness)
        try #require(try await browser.signIn().status == 303)
        return browser
    }

    /// The ids of the queue rows in a page, in order.
    private static func rowIDs(_ html: String) -> [Int] {
        html.matches(of: /<tr class="ping" data-id="(\d+)"/).compactMap { Int($0.1) }
    }

    private static func count(_ status: String, in html: String) -> Int? {
        guard let match = html.firstMatch(of: try! Regex("data-status=\"\(status)\"[^>]*>[^<]*<span class=\"count\">(\\d+)</span>")) else { return nil }
        return (match.output[1].substring).flatMap { Int($0) }
    }

    @Test("a row shows the kind, the source title linked to its URL, the post linked to its archive page with its pending count, the IP, the time, the check's outcome and the rule")
    func rowShowsThePing() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let id = try ConsoleSeed.ping(harness.databasePath, source: "http://cites.example/post", title: "Nets &amp; knots", ip: "198.51.100.7", rule: "moderation-keys")
        try ConsoleSeed.ping(harness.databasePath, source: "http://cites.example/other", verification: .verified)
        try ConsoleSeed.ping(harness.databasePath, source: "http://cites.example/approved", status: .approved, verification: .verified)
        _ = try await harness.sqlite("UPDATE comments SET spam_rule_match = 'knots', created_at = '2026-03-16 09:30:00' WHERE id = \(id)")
        let page = try await Self.signedIn(harness).get("/trackway/admin/").body
        let row = try #require(page.firstMatch(of: try Regex("<tr class=\"ping\" data-id=\"\(id)\".*?</tr>").dotMatchesNewlines()).map { String(page[$0.range]) })
        #expect(row.contains("data-kind=\"trackback\" data-status=\"pending\""))
        #expect(row.contains("<span class=\"kind\">Trackback</span>"))
        #expect(row.contains("<a class=\"source\" href=\"http://cites.example/post\" rel=\"nofollow noreferrer\">Nets &amp; knots</a>"), "\(row)")
        #expect(row.contains("<a class=\"target\" href=\"/2008/01/hello/\">Hello world</a>"))
        #expect(row.contains("<span class=\"pending-count\" title=\"pings pending on this post\">2</span>"))
        #expect(row.contains("<span class=\"ip\">198.51.100.7</span>"))
        #expect(row.contains("<time datetime=\"2026-03-16T09:30:00Z\">2026-03-16 09:30 UTC</time>"))
        #expect(row.contains("<span class=\"verification\">no link</span>"))
        #expect(row.contains("<span class=\"rule\">moderation-keys: knots</span>"))
        #expect(row.contains("<div class=\"excerpt\"><p>It links here.</p>"), "\(row)")
        #expect(row.contains("<button type=\"submit\" name=\"one\" value=\"approve:\(id)\" class=\"row-action\">Approve</button>"))
        #expect(page.contains("<span class=\"verification\">linked back</span>"))
    }

    @Test("a source that could not be fetched shows why, from the verification queue")
    func fetchFailureShown() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let id = try ConsoleSeed.ping(harness.databasePath, source: "http://gone.example/", verification: .verified)
        _ = try await harness.sqlite("""
            UPDATE comments SET verification = 'queued' WHERE id = \(id);
            INSERT INTO verification_queue(comment_id, attempts, next_attempt_at, last_error) VALUES (\(id), 1, '2999-01-01 00:00:00', 'HTTP 503');
            """)
        let page = try await Self.signedIn(harness).get("/trackway/admin/").body
        #expect(page.contains("<span class=\"verification\">fetch failed: HTTP 503</span>"))
    }

    @Test("a title with <script> and an excerpt with <img onerror> run nothing: the title is text, the excerpt goes through the archive's sanitizer")
    func hostileTextIsInert() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let corpus = try HTMLSafety.corpus()
        try ConsoleSeed.ping(
            harness.databasePath, source: "http://x.example/1", title: "<script>alert(1)</script>",
            blogName: "<img src=x onerror=alert(2)>", content: "<img src=x onerror=alert(3)><script>alert(4)</script> words"
        )
        for (index, hostile) in corpus.enumerated() {
            try ConsoleSeed.ping(harness.databasePath, source: "http://x.example/c\(index)", title: hostile, blogName: hostile, content: hostile, ip: hostile)
        }
        let browser = try await Self.signedIn(harness)
        var pages: [String] = []
        for page in 1...((corpus.count + 1) / 50 + 1) { pages.append(try await browser.get("/trackway/admin/?status=pending&page=\(page)").body) }
        #expect(pages.reduce(0) { $0 + Self.rowIDs($1).count } == corpus.count + 1)
        for html in pages { #expect(try HTMLSafety.check(html: html) == []) }
        #expect(pages.contains { $0.contains("&lt;script&gt;alert(1)&lt;/script&gt;") })
    }

    @Test("views count each status, the kind and site filters and the search narrow the rows, and 50 rows make a page")
    func filtersAndPages() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let path = harness.databasePath
        var trackbacks: [Int] = []
        for index in 0..<55 { trackbacks.append(try ConsoleSeed.ping(path, source: "http://many.example/\(index)")) }
        let pingback = try ConsoleSeed.ping(path, source: "http://pb.example/", kind: .pingback, title: "Tide Notes", blogName: "", content: "[&#8230;] see 100%_sure [&#8230;]")
        let spam = try ConsoleSeed.ping(path, source: "http://spam.example/", status: .spam, ip: "203.0.113.9")
        let approved = try ConsoleSeed.ping(path, source: "http://ok.example/", kind: .webmention, status: .approved, blogName: "Harbour Log")
        let browser = try await Self.signedIn(harness)

        let first = try await browser.get("/trackway/admin/").body
        #expect(Self.rowIDs(first) == Array(([pingback] + trackbacks.reversed()).prefix(50)))
        #expect(Self.count("pending", in: first) == 56 && Self.count("spam", in: first) == 1 && Self.count("approved", in: first) == 1)
        #expect(Self.count("trash", in: first) == 0 && Self.count("all", in: first) == 58)
        #expect(first.contains("data-status=\"pending\" aria-current=\"page\""))
        #expect(first.contains("<a rel=\"next\" href=\"/trackway/admin/?status=pending&amp;page=2\""))
        let second = try await browser.get("/trackway/admin/?status=pending&page=2").body
        #expect(Self.rowIDs(second) == Array(trackbacks.prefix(6).reversed()))
        #expect(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""))

        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=pending&kind=pingback").body) == [pingback])
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&kind=webmention").body) == [approved])
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&q=TIDE%20notes").body) == [pingback])
        // % and _ are matched as written, not as LIKE's wildcards.
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&q=100%25_s").body) == [pingback])
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&q=0%25s").body) == [])
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&q=203.0.113").body) == [spam])
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&q=harbour%20log").body) == [approved])
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=all&q=MANY.example/54").body) == [trackbacks[54]])
        let site = try await harness.sqlite("SELECT id FROM sites")
        #expect(Self.rowIDs(try await browser.get("/trackway/admin/?status=spam&site=\(site)").body) == [spam])
        let otherSite = try await browser.get("/trackway/admin/?status=all&site=999").body
        #expect(Self.rowIDs(otherSite).isEmpty && otherSite.contains("<p id=\"empty\">"))
    }

    /// The database's pings as the CLI lists them, for comparing two databases.
    private static func state(_ path: String) throws -> String {
        try SQLiteFile(path: path).query("SELECT id, status, status_before, spam_rule, spam_rule_match FROM comments ORDER BY id")
            + "\n" + SQLiteFile(path: path).query("SELECT name, value FROM spam_rules ORDER BY name")
    }

    @Test("every action, on a row or in bulk, leaves the database as the trackway pings command leaves a copy of it")
    func actionsMatchTheCommandLine() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let twin = harness.folder.file("twin.sqlite").path
        try GatewayHarness.seed(twin)
        var ids: [Int] = []
        for path in [harness.databasePath, twin] {
            ids = []
            for index in 0..<6 { ids.append(try ConsoleSeed.ping(path, source: "http://site\(index % 3).example/\(index)")) }
            ids.append(try ConsoleSeed.ping(path, source: "http://a.spam.example/x", status: .approved))
        }
        let store = try Store(path: twin)
        let browser = try await Self.signedIn(harness)
        let steps: [(fields: [(String, String)], cli: () throws -> Void, notice: String)] = [
            ([("action", "approve"), ("ids", "\(ids[0])"), ("ids", "\(ids[1])")], { _ = try store.moderate(.approve, ids: [ids[0], ids[1]]) }, "2 pings approved."),
            ([("one", "unapprove:\(ids[0])")], { _ = try store.moderate(.unapprove, ids: [ids[0]]) }, "1 ping unapproved."),
            ([("action", "spam"), ("ids", "\(ids[1])"), ("ids", "\(ids[2])")], { _ = try store.moderate(.spam, ids: [ids[1], ids[2]]) }, "2 pings marked as spam."),
            ([("one", "not-spam:\(ids[1])")], { _ = try store.moderate(.restore, ids: [ids[1]]) }, "1 ping restored from spam."),
            ([("action", "trash"), ("ids", "\(ids[3])"), ("ids", "\(ids[4])")], { _ = try store.moderate(.trash, ids: [ids[3], ids[4]]) }, "2 pings moved to the trash."),
            ([("one", "restore:\(ids[3])")], { _ = try store.moderate(.restore, ids: [ids[3]]) }, "1 ping restored."),
            ([("one", "delete:\(ids[5])")], { _ = try store.moderate(.delete, ids: [ids[5]]) }, "1 ping deleted permanently."),
            ([("one", "block-site:\(ids[0])")], { _ = try store.blockHosts(ofPings: [ids[0]]) }, "1 site blocked; 2 pings marked as spam."),
            ([("action", "block-site"), ("ids", "\(ids[6])")], { _ = try store.blockHosts(ofPings: [ids[6]]) }, "1 site blocked; 1 ping marked as spam."),
            ([("action", "empty-trash")], { _ = try store.deleteAllPings(in: .trash) }, "1 ping deleted permanently."),
            ([("action", "empty-spam")], { _ = try store.deleteAllPings(in: .spam) }, "4 pings deleted permanently."),
        ]
        for step in steps {
            let answer = try await browser.post("/trackway/admin/actions", step.fields + [("return", "/trackway/admin/?status=all")])
            #expect(answer.status == 303)
            try step.cli()
            #expect(try Self.state(harness.databasePath) == Self.state(twin), "\(step.fields)")
            let back = try #require(GatewayHarness.location(in: answer.headers))
            #expect(back.hasPrefix("/trackway/admin/?status=all&done="), "\(back)")
            #expect(try await browser.get(back).body.contains("<p id=\"notice\" role=\"status\">\(step.notice)</p>"), "\(step.fields)")
        }
        #expect(try await harness.sqlite("SELECT value FROM spam_rules WHERE name = 'blocked-hosts'") == "site0.example\na.spam.example")
    }

    @Test("the rules page saves all five rules as trackway rules set stores them; a wrong value shows why and saves nothing")
    func rulesPage() async throws {
        let harness = try await ConsoleBrowser.gateway()
        defer { harness.stop() }
        let browser = try await Self.signedIn(harness)
        let page = try await browser.get("/trackway/admin/rules").body
        #expect(page.contains("id=\"max-links\" min=\"0\" value=\"2\""))
        let saved = try await browser.post("/trackway/admin/rules", [
            ("max-links", "3"), ("moderation-keys", "casino\r\ncheap pills\r\n"), ("disallowed-keys", ""),
            ("blocked-hosts", "https://www.Spam.example/x\r\nbad.example"), ("hold-all", "on"),
        ])
        #expect(saved.status == 303)
        #expect(GatewayHarness.location(in: saved.headers) == "/trackway/admin/rules?done=rules")
        let rules = try Store(path: harness.databasePath).spamRules()
        #expect(rules.maxLinks == 3 && rules.holdAll)
        #expect(rules.moderationKeys.keys.map(\.line) == ["casino", "cheap pills"])
        #expect(rules.blockedHosts == ["spam.example", "bad.example"])
        let shown = try await browser.get("/trackway/admin/rules?done=rules").body
        #expect(shown.contains("<p id=\"notice\" role=\"status\">Rules saved.</p>"))
        #expect(shown.contains("id=\"hold-all\" value=\"on\" checked=\"checked\""))
        #expect(shown.contains(">casino\ncheap pills\n</textarea>"))

        let version = try await harness.sqlite("SELECT version FROM spam_rules_version")
        let refused = try await browser.post("/trackway/admin/rules", [
            ("max-links", "many"), ("moderation-keys", "new key"), ("blocked-hosts", "ok.example\nnot a host!"),
        ])
        #expect(refused.status == 400)
        #expect(refused.body.contains("max-links: expected a whole number"))
        #expect(refused.body.contains("blocked-hosts: line 2: 'not a host!' is no host name or URL"), "\(refused.body)")
        #expect(refused.body.contains(">new key</textarea>"))
        #expect(try await harness.sqlite("SELECT version FROM spam_rules_version") == version)
        #expect(try Store(path: harness.databasePath).spamRules() == rules)
    }
}
