import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite("Pings a post sent")
struct OutboundPingTests {
    private func postID(_ temp: TemporaryStore, sourceID: String) throws -> Int {
        try temp.store.database.statement("SELECT id FROM posts WHERE source_id = ?").firstRow(sourceID)?.int(0) ?? -1
    }

    @Test("reads a post with its content, excerpt and site for sending", arguments: StoreEngine.tested)
    func outboundPost(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let store = PingStore(database: temp.store.database)
        let post = try #require(try store.outboundPost(id: postID(temp, sourceID: "10")))
        let hello = SampleBlog.posts()[0]
        #expect(post.link == hello.link && post.title == hello.title && post.content == hello.content && post.excerpt == hello.excerpt)
        #expect(post.siteTitle == "Example Blog")
        #expect(post.siteURLs.contains(SampleBlog.key))
        #expect(try store.outboundPost(id: 999_999) == nil)
    }

    @Test("keeps the latest attempt per post and target, and survives re-importing the post", arguments: StoreEngine.tested)
    func recordAndReimport(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let store = PingStore(database: temp.store.database)
        let id = try postID(temp, sourceID: "10")
        try store.record(OutboundPing(postID: id, targetURL: "http://a.example/p", pingProtocol: "", endpoint: "", outcome: "no-endpoint", message: "none", pinged: false))
        try store.record(OutboundPing(postID: id, targetURL: "http://a.example/p", pingProtocol: "pingback", endpoint: "http://a.example/xmlrpc.php", outcome: "accepted", message: "ok", pinged: true))
        try store.record(OutboundPing(postID: id, targetURL: "http://b.example/q", pingProtocol: "trackback", endpoint: "http://b.example/tb", outcome: "refused", message: "closed", pinged: false))
        var posts = SampleBlog.posts(helloContent: "Edited")
        posts[0].comments = []
        try temp.importRecords(SampleBlog.records(posts: posts))
        let pings = try store.outboundPings(postID: id)
        #expect(pings.map(\.targetURL) == ["http://a.example/p", "http://b.example/q"])
        #expect(pings.map(\.outcome) == ["accepted", "refused"])
        #expect(pings.map(\.pinged) == [true, false])
        #expect(pings[0].endpoint == "http://a.example/xmlrpc.php" && pings[0].pingProtocol == "pingback")
        #expect(pings.allSatisfy { $0.sentAt.count == 19 })
    }
}
