import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite("Received pings and re-import")
struct ReceivedPingTests {
    private func insertReceivedPing(into temp: TemporaryStore, postSourceID: String) throws {
        try temp.store.database.statement("""
            INSERT INTO comments(post_id, kind, comment_type, author_url, content, approved, status, origin, received_via)
            SELECT id, 'pingback', 'pingback', 'https://citing.example.net/post', 'Cited', '1', 'pending', 'received', 'xmlrpc'
            FROM posts WHERE source_id = ?
            """).run(postSourceID)
    }

    private func receivedCount(_ temp: TemporaryStore) throws -> Int {
        try temp.store.database.statement("SELECT count(*) FROM comments WHERE origin = 'received'").firstRow()?.int(0) ?? -1
    }

    @Test("a received ping survives re-importing its post unchanged", arguments: StoreEngine.tested)
    func survivesUnchangedReimport(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        try insertReceivedPing(into: temp, postSourceID: "10")
        let summary = try temp.importRecords(SampleBlog.records())
        #expect(summary.pingbacks == ImportCounts(unchanged: 2))
        #expect(try receivedCount(temp) == 1)
    }

    @Test("a received ping survives an update of its post that rewrites the imported comments", arguments: StoreEngine.tested)
    func survivesUpdatedReimport(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        try insertReceivedPing(into: temp, postSourceID: "10")
        var posts = SampleBlog.posts(helloContent: "Edited")
        posts[0].comments = []
        try temp.importRecords(SampleBlog.records(posts: posts))
        #expect(try receivedCount(temp) == 1)
        #expect(try temp.store.stats().pingbacks == 2)   // 110 imported, plus the received one
    }

    @Test("export reading can include received pings after the imported comments", arguments: StoreEngine.tested)
    func readBackIncludesReceivedOnRequest(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        try insertReceivedPing(into: temp, postSourceID: "10")
        let siteID = try #require(try temp.store.sites().first?.id)
        let imported = try temp.store.wholePosts(siteID: siteID).first { $0.sourceID == "10" }?.comments ?? []
        let all = try temp.store.wholePosts(siteID: siteID, includeReceived: true).first { $0.sourceID == "10" }?.comments ?? []
        #expect(imported == SampleBlog.posts()[0].comments)
        #expect(all.count == imported.count + 1)
        #expect(all.last?.authorURL == "https://citing.example.net/post")
        #expect(all.last?.approved == "0")   // pending in moderation
        #expect(all.last?.sourceID == "")
    }
}
