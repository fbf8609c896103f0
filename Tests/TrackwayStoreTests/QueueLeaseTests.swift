import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// Two nodes draining the queues of one database: claims, expiry and completion under a lease,
/// against a real SQLite file (the claim times are given, so expiry needs no waiting).
@Suite struct QueueLeaseTests {
    private let temp: TemporaryStore
    private let store: PingStore
    private let postID: Int
    private let nodeA = QueueLease(owner: "node-a", seconds: 60)
    private let nodeB = QueueLease(owner: "node-b", seconds: 60)
    /// The claims' time: an hour ahead of the clock, so the items the tests store afterwards (due
    /// when stored, by the real clock) are due at it however slowly a loaded machine runs.
    private let now = StoreClock.seconds() + 3600

    init() throws {
        temp = try TemporaryStore()
        try temp.importRecords(SampleBlog.records())
        store = PingStore(database: temp.store.database)
        postID = try #require(try temp.store.database.statement("SELECT id FROM posts WHERE source_id = '10'").firstRow()?.int(0))
    }

    /// Stores a pending trackback awaiting its check, with a notification; its id.
    private func receive(_ source: String) throws -> Int {
        let ping = NewPing(postID: postID, kind: .trackback, sourceURL: source, content: "<strong>T</strong>\n\nx", authorIP: "192.0.2.1",
                           status: .pending, verification: .queued, notificationPayload: "{\"ping_id\":0}")
        guard case .inserted(let id) = try store.insert(ping) else { throw StoreError.invalid("duplicate") }
        return id
    }

    private func status(_ id: Int) throws -> ModerationStatus? {
        try temp.store.pings().first { $0.id == id }?.status
    }

    @Test("nodes claiming at once take different verifications, and a node's unexpired claim is not taken from it")
    func claimsAreDisjoint() throws {
        let ids = try (1...3).map { try receive("http://a.example/\($0)") }
        let claimedByA = try store.claimVerifications(limit: 2, lease: nodeA, now: now)
        let claimedByB = try store.claimVerifications(limit: 10, lease: nodeB, now: now)
        #expect(claimedByA.map(\.commentID) == Array(ids.prefix(2)))
        #expect(claimedByB.map(\.commentID) == [ids[2]])
        #expect(claimedByA.first?.sourceURL == "http://a.example/1" && claimedByA.first?.postID == postID)
        #expect(try store.claimVerifications(limit: 10, lease: nodeB, now: now + 59).isEmpty)
    }

    @Test("an expired claim passes to another node, and only that node's outcome is recorded, once")
    func expiredClaimPassesOn() throws {
        let id = try receive("http://a.example/1")
        #expect(try store.claimVerifications(limit: 10, lease: nodeA, now: now).map(\.commentID) == [id])
        #expect(try store.claimVerifications(limit: 10, lease: nodeB, now: now + 61).map(\.commentID) == [id])
        // Node A's check finishes late: its lease is gone, so its verdict changes nothing.
        #expect(try store.finishVerification(commentID: id, linksToPost: false, sourceTitle: nil, lease: nodeA) == false)
        #expect(try store.postponeVerification(commentID: id, error: "late", delaySeconds: 0, lease: nodeA, now: now + 62) == false)
        #expect(try status(id) == .pending)
        #expect(try store.finishVerification(commentID: id, linksToPost: true, sourceTitle: "Source", lease: nodeB))
        #expect(try status(id) == .approved)
        #expect(try store.finishVerification(commentID: id, linksToPost: true, sourceTitle: nil, lease: nodeB) == false)
        #expect(try store.claimVerifications(limit: 10, lease: nodeA, now: now + 1_000).isEmpty)
    }

    @Test("a postponed verification is free for any node once due again")
    func postponedIsFree() throws {
        let id = try receive("http://a.example/1")
        _ = try store.claimVerifications(limit: 10, lease: nodeA, now: now)
        #expect(try store.postponeVerification(commentID: id, error: "timed out", delaySeconds: 30, lease: nodeA, now: now))
        #expect(try store.claimVerifications(limit: 10, lease: nodeB, now: now + 29).isEmpty)
        let retried = try store.claimVerifications(limit: 10, lease: nodeB, now: now + 30)
        #expect(retried.map(\.commentID) == [id] && retried.first?.attempts == 1)
    }

    @Test("a notification is delivered under one lease: the node that lost it can neither remove nor postpone it")
    func notificationLeases() throws {
        let id = try receive("http://a.example/1")
        let claimed = try #require(try store.claimNotifications(limit: 10, lease: nodeA, now: now).first)
        #expect(claimed.commentID == id)
        #expect(try store.claimNotifications(limit: 10, lease: nodeB, now: now + 1).isEmpty)
        #expect(try store.claimNotifications(limit: 10, lease: nodeB, now: now + 61).map(\.id) == [claimed.id])
        #expect(try store.finishNotification(id: claimed.id, lease: nodeA) == false)
        #expect(try store.postponeNotification(id: claimed.id, delaySeconds: 5, lease: nodeA, now: now + 62) == false)
        #expect(try store.finishNotification(id: claimed.id, lease: nodeB))
        #expect(try store.claimNotifications(limit: 10, lease: nodeA, now: now + 1_000).isEmpty)
    }

    @Test("a webmention is stored once: a node whose lease expired stores nothing, the node holding it stores the mention")
    func webmentionLeases() throws {
        let request = try store.queueWebmention(token: "t", source: "http://other.example/1", target: "http://blog.example/hello/",
                                                postID: postID, authorIP: "192.0.2.1")
        #expect(try store.claimWebmentions(limit: 10, lease: nodeA, now: now).map(\.id) == [request.id])
        #expect(try store.claimWebmentions(limit: 10, lease: nodeB, now: now + 1).isEmpty)
        #expect(try store.claimWebmentions(limit: 10, lease: nodeB, now: now + 61).map(\.id) == [request.id])
        let mention = NewPing(postID: postID, kind: .webmention, sourceURL: request.source, sourceTitle: "Other",
                              content: "mentioned", authorIP: "192.0.2.1", status: .approved, verification: .verified)
        #expect(try store.acceptWebmention(request, ping: mention, lease: nodeA) == nil)
        #expect(try store.refuseWebmention(request, reason: "no link", removingMention: true, lease: nodeA) == nil)
        #expect(try store.postponeWebmention(request, error: "late", delaySeconds: 0, lease: nodeA, now: now + 62) == false)
        #expect(try temp.store.pings().filter { $0.kind == .webmention }.isEmpty)
        #expect(try store.acceptWebmention(request, ping: mention, lease: nodeB) == .accepted)
        #expect(try store.acceptWebmention(request, ping: mention, lease: nodeB) == nil)
        #expect(try temp.store.pings().filter { $0.kind == .webmention }.map(\.sourceURL) == [request.source])
        #expect(try store.webmentionRequest(token: "t")?.state == .accepted)
    }
}
