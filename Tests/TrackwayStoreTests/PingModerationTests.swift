import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// The owner's actions on received pings, and the spam rules they keep, against a real database
/// on each engine.
@Suite struct PingModerationTests {
    /// A store holding the sample blog, and the post pings go to.
    private struct Fixture {
        let temp: TemporaryStore
        let postID: Int

        init(_ engine: StoreEngine) throws {
            temp = try TemporaryStore(engine)
            try temp.importRecords(SampleBlog.records())
            postID = try #require(try temp.store.database.statement("SELECT id FROM posts WHERE source_id = '10'").firstRow()?.int(0))
        }

        /// Stores a received ping as the gateway does; its id.
        func receive(_ source: String, status: ModerationStatus = .approved, verification: VerificationState = .verified,
                     rule: String = "") throws -> Int {
            var ping = NewPing(postID: postID, kind: .trackback, sourceURL: source, content: "<strong>T</strong>\n\nx", authorIP: "192.0.2.1",
                               status: status, verification: verification)
            ping.spamRule = rule
            guard case .inserted(let id) = try PingStore(database: temp.store.database).insert(ping) else { throw StoreError.invalid("duplicate") }
            return id
        }

        func status(_ id: Int) throws -> ModerationStatus? {
            try temp.store.pings().first { $0.id == id }?.status
        }
    }

    @Test("trash and spam remember the status they replace, and restore puts it back; pending when none is known", arguments: StoreEngine.tested)
    func trashAndRestore(engine: StoreEngine) throws {
        let fixture = try Fixture(engine)
        let approved = try fixture.receive("http://a.example/1")
        let pending = try fixture.receive("http://a.example/2", status: .pending)
        #expect(try fixture.temp.store.moderate(.trash, ids: [approved]).isEmpty)
        #expect(try fixture.temp.store.moderate(.spam, ids: [pending]).isEmpty)
        #expect(try fixture.status(approved) == .trash && fixture.status(pending) == .spam)
        #expect(try fixture.temp.store.moderate(.restore, ids: [approved, pending]).isEmpty)
        #expect(try fixture.status(approved) == .approved && fixture.status(pending) == .pending)
        // Trashing twice keeps the first status; restoring an approved ping leaves it be.
        _ = try fixture.temp.store.moderate(.trash, ids: [approved])
        _ = try fixture.temp.store.moderate(.trash, ids: [approved])
        _ = try fixture.temp.store.moderate(.restore, ids: [approved])
        _ = try fixture.temp.store.moderate(.restore, ids: [approved])
        #expect(try fixture.status(approved) == .approved)
        let arrivedAsSpam = try fixture.receive("http://a.example/3", status: .spam, rule: "disallowed-keys")
        _ = try fixture.temp.store.moderate(.restore, ids: [arrivedAsSpam])
        #expect(try fixture.status(arrivedAsSpam) == .pending)
        #expect(try fixture.temp.store.moderate(.unapprove, ids: [approved, 999_999]) == [999_999])
        #expect(try fixture.status(approved) == .pending)
    }

    @Test("restore reads WordPress's _wp_trash_meta_status when Trackway kept no status of its own", arguments: StoreEngine.tested)
    func restoreFromWordPressMeta(engine: StoreEngine) throws {
        let fixture = try Fixture(engine)
        let id = try fixture.receive("http://a.example/4", status: .trash)
        try fixture.temp.store.database.statement("INSERT INTO comment_meta(comment_id, seq, key, value) VALUES (?, 0, '_wp_trash_meta_status', '1')").run(id)
        _ = try fixture.temp.store.moderate(.restore, ids: [id])
        #expect(try fixture.status(id) == .approved)
    }

    @Test("empty spam and empty trash delete those pings only, and nothing else can be emptied", arguments: StoreEngine.tested)
    func emptying(engine: StoreEngine) throws {
        let fixture = try Fixture(engine)
        let spam = try fixture.receive("http://a.example/5", status: .spam)
        let trash = try fixture.receive("http://a.example/6", status: .trash)
        let kept = try fixture.receive("http://a.example/7")
        let importedSpam = try fixture.temp.store.pings(status: .spam).count - 1
        #expect(try fixture.temp.store.deleteAllPings(in: .spam) == importedSpam + 1)
        #expect(try fixture.temp.store.deleteAllPings(in: .trash) == 1)
        #expect(try fixture.status(spam) == nil && fixture.status(trash) == nil && fixture.status(kept) == .approved)
        #expect(throws: StoreError.self) { try fixture.temp.store.deleteAllPings(in: .approved) }
    }

    @Test("blocking a ping's site marks every ping from that host and below it as spam, whatever its status, and lists the host", arguments: StoreEngine.tested)
    func blockSite(engine: StoreEngine) throws {
        let fixture = try Fixture(engine)
        let first = try fixture.receive("http://www.spam.example/a")
        let pending = try fixture.receive("http://spam.example/b", status: .pending)
        let trashed = try fixture.receive("http://sub.spam.example/c", status: .trash)
        let other = try fixture.receive("http://notspam.example/d")
        let before = try PingStore(database: fixture.temp.store.database).spamRulesVersion()
        let blocked = try fixture.temp.store.blockHosts(ofPings: [first, 424_242])
        #expect(blocked == BlockedHosts(hosts: ["spam.example"], pingsMarkedSpam: 3, missing: [424_242]))
        #expect(try [first, pending, trashed].map(fixture.status) == [.spam, .spam, .spam] && fixture.status(other) == .approved)
        let ping = try #require(try fixture.temp.store.pings().first { $0.id == pending })
        #expect(ping.spamRule == "blocked-hosts" && ping.spamRuleMatch == "spam.example")
        #expect(try fixture.temp.store.spamRules().blockedHosts == ["spam.example"])
        #expect(try PingStore(database: fixture.temp.store.database).spamRulesVersion() > before)
        // A restore after blocking goes back to where each was.
        _ = try fixture.temp.store.moderate(.restore, ids: [pending, trashed])
        #expect(try fixture.status(pending) == .pending && fixture.status(trashed) == .trash)
    }

    @Test("rules are stored as texts, added to without repeats, removed however a host is spelled, and each change bumps the version", arguments: StoreEngine.tested)
    func rules(engine: StoreEngine) throws {
        let fixture = try Fixture(engine)
        let pings = PingStore(database: fixture.temp.store.database)
        #expect(try fixture.temp.store.spamRules() == .defaults && pings.spamRulesVersion() == 0)
        try fixture.temp.store.setSpamRule(.maxLinks, to: "5")
        #expect(try fixture.temp.store.addSpamRuleEntries(["casino", " viagra ", "casino"], to: .disallowedKeys) == 2)
        #expect(try fixture.temp.store.addSpamRuleEntries(["casino"], to: .disallowedKeys) == 0)
        try fixture.temp.store.setSpamRule(.blockedHosts, to: "spam.example\nother.example\n")
        #expect(try fixture.temp.store.removeSpamRuleEntries(["https://WWW.Spam.Example/x"], from: .blockedHosts) == 1)
        let rules = try fixture.temp.store.spamRules()
        #expect(rules.maxLinks == 5 && rules.disallowedKeys.keys.map(\.line) == ["casino", "viagra"] && rules.blockedHosts == ["other.example"])
        #expect(try pings.spamRulesVersion() == 4)
        try fixture.temp.store.setSpamRule(.maxLinks, to: nil)
        #expect(try fixture.temp.store.spamRules().maxLinks == SpamRules.defaultMaxLinks)
    }

    @Test("a ping a rule held stays pending when its source is found to link back; one without a rule is approved", arguments: StoreEngine.tested)
    func heldStaysPending(engine: StoreEngine) throws {
        let fixture = try Fixture(engine)
        let held = try fixture.receive("http://a.example/8", status: .pending, verification: .queued, rule: "hold-all")
        let free = try fixture.receive("http://a.example/9", status: .pending, verification: .queued)
        let store = PingStore(database: fixture.temp.store.database)
        try store.finishVerification(commentID: held, linksToPost: true, sourceTitle: nil)
        try store.finishVerification(commentID: free, linksToPost: true, sourceTitle: nil)
        #expect(try fixture.status(held) == .pending && fixture.status(free) == .approved)
        #expect(try fixture.temp.store.pings().first { $0.id == held }?.verification == .verified)
    }
}
