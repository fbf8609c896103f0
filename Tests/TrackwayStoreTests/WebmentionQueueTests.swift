import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite struct WebmentionQueueTests {
    @Test("a request repeated while the first is still queued shares its status token; one after it is settled gets its own", arguments: StoreEngine.tested)
    func repeatedRequestsShareTheQueuedOne(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let store = PingStore(database: temp.store.database)
        let postID = try #require(try temp.store.database.statement("SELECT id FROM posts WHERE source_id = '10'").firstRow()?.int(0))
        func queue(_ token: String, _ source: String) throws -> WebmentionRequest {
            try store.queueWebmention(token: token, source: source, target: "http://blog.example/hello/", postID: postID, authorIP: "192.0.2.1")
        }
        let first = try queue("a", "http://other.example/1")
        #expect(first.state == .queued && first.postID == postID && first.authorIP == "192.0.2.1")
        #expect(try queue("b", "http://other.example/1").token == "a")
        #expect(try queue("c", "http://other.example/2").token == "c")
        #expect(try store.refuseWebmention(first, reason: "no link", removingMention: true) == .refused)
        #expect(try store.webmentionRequest(token: "a")?.reason == "no link")
        #expect(try queue("d", "http://other.example/1").token == "d")
        #expect(try store.claimWebmentions(limit: 10, lease: QueueLease(owner: "node", seconds: 60), now: StoreClock.seconds()).map(\.token) == ["c", "d"])
    }

    @Test("finished requests older than the retention are forgotten in chunks; queued and recent ones, and the mentions, stay", arguments: StoreEngine.tested)
    func forgetsOldFinishedRequests(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let store = PingStore(database: temp.store.database)
        let postID = try #require(try temp.store.database.statement("SELECT id FROM posts WHERE source_id = '10'").firstRow()?.int(0))
        for (index, source) in ["old-1", "old-2", "old-3", "recent", "old-but-queued"].enumerated() {
            _ = try store.queueWebmention(token: source, source: "http://other.example/\(index)", target: "http://blog.example/hello/",
                                          postID: postID, authorIP: "192.0.2.1")
        }
        try temp.store.database.execute("""
            UPDATE webmention_requests SET state = 'refused', updated_at = '2000-01-01 00:00:00' WHERE token LIKE 'old-_';
            UPDATE webmention_requests SET state = 'accepted' WHERE token = 'recent';
            UPDATE webmention_requests SET updated_at = '2000-01-01 00:00:00' WHERE token = 'old-but-queued';
            """)
        #expect(try store.forgetFinishedWebmentions(olderThanDays: 30, limit: 2) == 2)
        #expect(try store.forgetFinishedWebmentions(olderThanDays: 30, limit: 2) == 1)
        #expect(try store.forgetFinishedWebmentions(olderThanDays: 30, limit: 2) == 0)
        let left = try temp.store.database.statement("SELECT token FROM webmention_requests ORDER BY token").rows().map { $0.string(0) }
        #expect(left == ["old-but-queued", "recent"])
    }
}
