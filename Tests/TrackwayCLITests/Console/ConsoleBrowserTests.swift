import Foundation
import Testing
import TrackwayTesting

/// The owner's console in a real browser: headless Chromium, driven by Selenium
/// (`Tests/Support/console_browser.py`), moderates a `trackway serve` child process over
/// 127.0.0.1. What it did is then read from outside the console: the database through `sqlite3`,
/// the post's archive page and the TrackBack door over HTTP.
@Suite struct ConsoleBrowserTests {
    private static let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/Support/console_browser.py")
    private static let password = "correct horse battery staple"
    private static let moderationKey = "cheap moorings"
    private static let pingKinds = "kind IN ('trackback', 'pingback', 'webmention')"

    /// Where the screenshot of the queue goes: `TRACKWAY_CONSOLE_SCREENSHOT` when set (to write
    /// docs/console-queue.png), else beside the test's database.
    private static func screenshotPath(in directory: TemporaryDirectory) -> URL {
        ProcessInfo.processInfo.environment["TRACKWAY_CONSOLE_SCREENSHOT"].map { URL(fileURLWithPath: $0) }
            ?? directory.file("console-queue.png")
    }

    /// The body of the page at `url`; throws on an HTTP error.
    private static func get(_ url: String) throws -> String {
        let result = try ChildProcess.tool("curl", ["-s", "-f", url])
        guard result.status == 0 else { throw HarnessError(message: "GET \(url): curl exited \(result.status)") }
        return result.stdout
    }

    /// Sends a TrackBack from `source` with `excerpt`; the answer.
    private static func trackback(_ server: ServerProcess, from source: String, excerpt: String) throws -> String {
        try ChildProcess.tool("curl", ["-s", "--data-urlencode", "url=\(source)", "--data-urlencode", "title=Again",
                                       "--data-urlencode", "excerpt=\(excerpt)", server.base + ConsoleSample.postPath + "trackback/"]).stdout
    }

    /// The width and height in a PNG file's header.
    private static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: url).prefix(24))
        try #require(bytes.count == 24 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(url.path) is no PNG")
        let number = { (offset: Int) in bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }

    /// The database ids and source URLs of the sample's pings, by WXR comment id.
    private struct SamplePings {
        let sqlite: SQLiteFile

        func id(_ sourceID: String) throws -> Int {
            try #require(Int(try sqlite.query("SELECT id FROM comments WHERE source_id = '\(sourceID)' AND \(ConsoleBrowserTests.pingKinds)")))
        }

        func url(_ sourceID: String) throws -> String {
            try #require(ConsoleSample.pending.first { $0.sourceID == sourceID }).authorURL
        }
    }

    @Test("the owner logs in in Chromium, filters to pending trackbacks, approves two, marks one spam, blocks a host and adds a moderation key; no script runs, and the database, the archive page and the TrackBack door show each change")
    func moderateInBrowser() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite")
        try ConsoleSample.create(at: .sqlite(path: db.path))
        let sqlite = SQLiteFile(db)
        let pings = SamplePings(sqlite: sqlite)
        let setPassword = try CommandLineHarness.trackway(["admin", "set-password", "--db", db.path], input: Data("\(Self.password)\n".utf8))
        try #require(setPassword.status == 0, "\(setPassword.stderr)")
        let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: directory.file("serve.log"))
        defer { server.stop() }
        let before = try Self.get(server.base + ConsoleSample.postPath)
        #expect(try !before.contains(pings.url("301")) && !before.contains(pings.url("302")), "pending pings are not on the public page")

        let screenshot = Self.screenshotPath(in: directory)
        let plan: [String: Any] = [
            "base": server.base, "password": Self.password, "approve": [try pings.id("301"), try pings.id("302")], "spam": try pings.id("203"),
            "block": try pings.id("303"), "hostile": [try pings.id("304"), try pings.id("307")], "moderationKey": Self.moderationKey,
            "screenshot": screenshot.path,
        ]
        let run = try TestPython.run([Self.script.path], input: try JSONSerialization.data(withJSONObject: plan))
        try #require(run.status == 0, "\(run.stderr)\n\(run.stdout)")
        let report = try JSONDecoder().decode(ConsoleBrowserReport.self, from: run.output)

        try Self.checkNothingRan(report, pings)
        try Self.checkPages(report, pings, base: server.base)
        try Self.checkDatabase(sqlite)
        try Self.checkPublicSide(server, pings, sqlite)
        let size = try Self.pngSize(screenshot)
        #expect(size.width == 1280 && size.height == 900, "screenshot \(size)")
    }

    /// No dialog, no error in the browser's log, no injected element on any page; the hostile
    /// titles show as text.
    private static func checkNothingRan(_ report: ConsoleBrowserReport, _ pings: SamplePings) throws {
        #expect(report.alerts == [])
        #expect(report.browserErrors == [])
        #expect(report.injectedElements == [])
        let shown = Dictionary(uniqueKeysWithValues: report.hostile.map { ($0.id, $0) })
        let markup = try #require(shown[try pings.id("304")])
        #expect(markup.source.hasPrefix("Hostile") && markup.source.hasSuffix("title") && markup.excerpt.hasPrefix("Excerpt"), "\(markup)")
        let escaped = try #require(shown[try pings.id("307")])
        #expect(escaped.source == ConsoleSample.hostileTitle && escaped.excerpt.contains(ConsoleSample.hostileTitle),
                "a title and excerpt stored as escaped text show as that text: \(escaped)")
    }

    /// What the browser was shown, step by step: each action left the filtered queue without
    /// the pings it moved, and said what it did.
    private static func checkPages(_ report: ConsoleBrowserReport, _ pings: SamplePings, base: String) throws {
        #expect(report.beforeLogin == base + "/trackway/admin/login")
        #expect(report.afterLogin == base + "/trackway/admin/")
        let pendingTrackbacks = try ["203", "301", "302", "303", "304"].map(pings.id)
        #expect(report.filtered.rows.map(\.id).sorted() == pendingTrackbacks.sorted())
        #expect(report.filtered.rows.allSatisfy { $0.kind == "trackback" && $0.status == "pending" }, "\(report.filtered.rows)")
        let approved = try ["301", "302"].map(pings.id), spam = try pings.id("203")
        #expect(report.approved.rows == report.filtered.rows.filter { !approved.contains($0.id) })
        #expect(report.spammed.rows == report.approved.rows.filter { $0.id != spam })
        #expect(report.blocked.rows.map(\.id) == [try pings.id("304")])
        for step in [report.filtered, report.approved, report.spammed, report.blocked] {
            #expect(step.url.contains("kind=trackback"), "the queue kept its filter: \(step.url)")
        }
        for step in [report.approved, report.spammed, report.blocked] {
            #expect(step.notice?.isEmpty == false, "an action says what it did")
        }
        #expect(report.rules.moderationKeys.split(whereSeparator: \.isNewline).contains { $0 == Self.moderationKey })
        #expect(report.rules.blockedHosts.split(whereSeparator: \.isNewline).contains { $0 == ConsoleSample.spamHost })
        #expect(report.pending.map(\.id).sorted() == (try ["304", "305", "307", "308", "309", "310"].map(pings.id)).sorted())
    }

    /// The database, read by sqlite3: every ping's status and WordPress approval value, the
    /// blocked host and the new moderation key.
    private static func checkDatabase(_ sqlite: SQLiteFile) throws {
        let statuses = [
            "201": "approved|1", "202": "approved|1", "203": "spam|spam", "204": "spam|spam", "205": "approved|1", "206": "trash|trash",
            "301": "approved|1", "302": "approved|1", "303": "spam|spam", "304": "pending|0", "305": "pending|0", "306": "spam|spam",
            "307": "pending|0", "308": "pending|0", "309": "pending|0", "310": "pending|0",
        ]
        #expect(try sqlite.query("SELECT source_id, status, approved FROM comments WHERE \(pingKinds) ORDER BY CAST(source_id AS INTEGER)")
            == statuses.sorted { $0.key < $1.key }.map { "\($0.key)|\($0.value)" }.joined(separator: "\n"))
        func rule(_ name: String) throws -> [Substring] {
            try sqlite.query("SELECT value FROM spam_rules WHERE name = '\(name)'").split(whereSeparator: \.isNewline)
        }
        #expect(try rule("blocked-hosts").contains { $0 == ConsoleSample.spamHost })
        #expect(try rule("moderation-keys").contains { $0 == moderationKey })
    }

    /// The archive page shows the approved pings and not the others; the TrackBack door refuses
    /// the blocked host and the hosts below it, storing nothing, and accepts another host's,
    /// held by the new moderation key.
    private static func checkPublicSide(_ server: ServerProcess, _ pings: SamplePings, _ sqlite: SQLiteFile) throws {
        let page = try get(server.base + ConsoleSample.postPath)
        #expect(try page.contains(pings.url("301")) && page.contains(pings.url("302")))
        #expect(try !page.contains(pings.url("303")) && !page.contains(pings.url("304")))

        try server.waitForSpamRules(version: try #require(Int(try sqlite.query("SELECT version FROM spam_rules_version"))))
        for source in ["http://\(ConsoleSample.spamHost)/again/", "http://blog.\(ConsoleSample.spamHost)/again/"] {
            let answer = try trackback(server, from: source, excerpt: "Once more")
            #expect(answer.contains("<error>1</error>") && answer.contains(ConsoleSample.spamHost), "\(answer)")
        }
        #expect(try sqlite.query("SELECT count(*) FROM comments WHERE author_url LIKE '%/again/'") == "0")
        let accepted = try trackback(server, from: "http://fresh.example/again/", excerpt: "Cheap Moorings for every boat")
        #expect(accepted.contains("<error>0</error>"), "\(accepted)")
        #expect(try sqlite.query("SELECT status, spam_rule, spam_rule_match FROM comments WHERE author_url = 'http://fresh.example/again/'")
            == "pending|moderation-keys|\(moderationKey)")
    }
}
