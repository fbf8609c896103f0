import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// A node that works on a queue item longer than its lease renews the lease: on both engines,
/// for each of the three leased queues, with the claim and renewal times given (no waiting).
struct QueueLeaseRenewalTests {
    private static let queues: [LeasedQueue] = [.verifications, .notifications, .webmentions]

    @Test("an item whose work outlasts its lease but is renewed is not claimed by another node, and its holder records it",
          arguments: StoreEngine.tested, queues)
    func renewedItemStaysWithItsHolder(engine: StoreEngine, queue: LeasedQueue) throws {
        let node = try LeasedQueueFixture(engine, queue)
        let now = node.now
        let id = try #require(try node.claim(node.a, at: now).first)
        // A's check runs on past the lease's 60 s; it renews a third of the lease apart.
        #expect(try node.store.renewLeases(in: queue, ids: [id], lease: node.a, now: now + 20) == [id])
        #expect(try node.store.renewLeases(in: queue, ids: [id], lease: node.a, now: now + 40) == [id])
        #expect(try node.store.renewLeases(in: queue, ids: [id], lease: node.a, now: now + 60) == [id])
        #expect(try node.claim(node.b, at: now + 61).isEmpty)
        #expect(try node.store.renewLeases(in: queue, ids: [id], lease: node.a, now: now + 80) == [id])
        #expect(try node.claim(node.b, at: now + 139).isEmpty)
        #expect(try node.complete(id, by: node.a))
        #expect(try node.effects() == 1)
        #expect(try node.claim(node.b, at: now + 1_000).isEmpty)
    }

    @Test("an item whose holder stopped renewing passes to another node once the lease expires; the old holder's renewal and outcome change nothing",
          arguments: StoreEngine.tested, queues)
    func unrenewedItemPassesOn(engine: StoreEngine, queue: LeasedQueue) throws {
        let node = try LeasedQueueFixture(engine, queue)
        let now = node.now
        let id = try #require(try node.claim(node.a, at: now).first)
        #expect(try node.store.renewLeases(in: queue, ids: [id], lease: node.a, now: now + 20) == [id])
        // A stops renewing (killed, or hung): its lease ends at now + 80.
        #expect(try node.claim(node.b, at: now + 79).isEmpty)
        #expect(try node.claim(node.b, at: now + 80) == [id])
        #expect(try node.store.renewLeases(in: queue, ids: [id], lease: node.a, now: now + 81).isEmpty)
        #expect(try node.complete(id, by: node.a) == false)
        #expect(try node.effects() == 0)
        // B's lease is untouched by A's attempts: a third node cannot take the item before it ends.
        #expect(try node.claim(QueueLease(owner: "node-c", seconds: 60), at: now + 139).isEmpty)
        #expect(try node.complete(id, by: node.b))
        #expect(try node.effects() == 1)
    }

    @Test("renewing leaves alone items that are finished, and items of another queue or holder", arguments: StoreEngine.tested)
    func renewalTouchesOnlyHeldItems(engine: StoreEngine) throws {
        let node = try LeasedQueueFixture(engine, .verifications)
        let now = node.now
        let id = try #require(try node.claim(node.a, at: now).first)
        #expect(try node.store.renewLeases(in: .verifications, ids: [id], lease: node.b, now: now + 20).isEmpty)
        #expect(try node.store.renewLeases(in: .notifications, ids: [id], lease: node.a, now: now + 20).isEmpty)
        #expect(try node.claim(node.b, at: now + 60) == [id])
        #expect(try node.complete(id, by: node.b))
        #expect(try node.store.renewLeases(in: .verifications, ids: [id], lease: node.b, now: now + 61).isEmpty)
    }
}

/// One queued item of `queue` on a fresh store, and two nodes' leases on it.
private struct LeasedQueueFixture {
    let temp: TemporaryStore
    let store: PingStore
    let queue: LeasedQueue
    let postID: Int
    let a = QueueLease(owner: "node-a", seconds: 60)
    let b = QueueLease(owner: "node-b", seconds: 60)
    /// The claims' time: an hour ahead of the clock, so the item stored by the real clock is due.
    let now = StoreClock.seconds() + 3600
    private let mention: WebmentionRequest?

    init(_ engine: StoreEngine, _ queue: LeasedQueue) throws {
        temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        store = PingStore(database: temp.store.database)
        self.queue = queue
        postID = try #require(try temp.store.database.statement("SELECT id FROM posts WHERE source_id = '10'").firstRow()?.int(0))
        if queue == .webmentions {
            mention = try store.queueWebmention(token: "t", source: "http://other.example/1", target: "http://blog.example/hello/",
                                                postID: postID, authorIP: "192.0.2.1")
        } else {
            mention = nil
            let ping = NewPing(postID: postID, kind: .trackback, sourceURL: "http://a.example/1", content: "<strong>T</strong>\n\nx",
                               authorIP: "192.0.2.1", status: .pending, verification: .queued, notificationPayload: "{\"ping_id\":0}")
            guard case .inserted = try store.insert(ping) else { throw StoreError.invalid("duplicate") }
        }
    }

    /// The ids `lease` claims at `now`.
    func claim(_ lease: QueueLease, at now: Int) throws -> [Int] {
        switch queue {
        case .verifications: try store.claimVerifications(limit: 10, lease: lease, now: now).map(\.commentID)
        case .notifications: try store.claimNotifications(limit: 10, lease: lease, now: now).map(\.id)
        case .webmentions: try store.claimWebmentions(limit: 10, lease: lease, now: now).map(\.id)
        }
    }

    /// Records the item's outcome under `lease`: approves the ping, delivers the notification
    /// or stores the mention; whether it was recorded.
    func complete(_ id: Int, by lease: QueueLease) throws -> Bool {
        switch queue {
        case .verifications:
            return try store.finishVerification(commentID: id, linksToPost: true, sourceTitle: "Source", lease: lease)
        case .notifications:
            return try store.finishNotification(id: id, lease: lease)
        case .webmentions:
            let request = try #require(mention)
            let ping = NewPing(postID: postID, kind: .webmention, sourceURL: request.source, sourceTitle: "Other", content: "mentioned",
                               authorIP: "192.0.2.1", status: .approved, verification: .verified)
            return try store.acceptWebmention(request, ping: ping, lease: lease) != nil
        }
    }

    /// How many times an outcome took effect: approved trackbacks, delivered notifications (gone
    /// from the queue) or stored mentions.
    func effects() throws -> Int {
        let sql = switch queue {
        case .verifications: "SELECT count(*) FROM comments WHERE kind = 'trackback' AND status = 'approved' AND origin = 'gateway'"
        case .notifications: "SELECT 1 - count(*) FROM notification_queue"
        case .webmentions: "SELECT count(*) FROM comments WHERE kind = 'webmention'"
        }
        return try temp.store.database.statement(sql).firstRow()?.int(0) ?? -1
    }
}
