import Testing
import TrackwayCore
import TrackwayStore

@Suite struct WebmentionQueueTests {
    @Test("a request repeated while the first is still queued shares its status token; one after it is settled gets its own")
    func repeatedRequestsShareTheQueuedOne() throws {
        let temp = try TemporaryStore()
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
        #expect(try store.dueWebmentions(limit: 10).map(\.token) == ["c", "d"])
    }
}
