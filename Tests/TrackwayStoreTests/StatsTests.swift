import Foundation
import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

@Suite("Store statistics")
struct StatsTests {
    @Test("stats count every kind of item and comment, in every approval state", arguments: StoreEngine.tested)
    func statsCountEverything(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let stats = try temp.store.stats()
        #expect(stats.sites == 1)
        #expect(stats.authors == 3)
        #expect(stats.terms == 4)
        #expect(stats.posts == 3)
        #expect(stats.pages == 1)
        #expect(stats.attachments == 1)
        #expect(stats.otherItems == 1)
        // 100 approved, 101 pending, 104 trash: all count.
        #expect(stats.comments == 3)
        #expect(stats.trackbacks == 1)
        // 103 is spam and still counts.
        #expect(stats.pingbacks == 2)
        #expect(stats.webmentions == 0)
    }

    @Test("an empty store has all-zero stats", arguments: StoreEngine.tested)
    func emptyStore(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        #expect(try temp.store.stats() == StoreStats())
    }

    @Test("stats encode as one JSON object with the snake_case integer fields the CLI prints", arguments: StoreEngine.tested)
    func statsJSONKeys(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let data = try JSONEncoder().encode(try temp.store.stats())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Int])
        #expect(Set(object.keys) == [
            "sites", "authors", "terms", "posts", "pages", "attachments", "other_items",
            "comments", "trackbacks", "pingbacks", "webmentions",
        ])
        #expect(object["other_items"] == 1)
    }

    @Test("a plugin comment type is neither a comment nor a ping in stats", arguments: StoreEngine.tested)
    func otherCommentTypes(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        var posts = SampleBlog.posts()
        posts[1].comments.append(SampleBlog.comment("111", type: "review"))
        let summary = try temp.importRecords(SampleBlog.records(posts: posts))
        #expect(summary.otherComments == ImportCounts(added: 1))
        let stats = try temp.store.stats()
        #expect(stats.comments == 3)
        #expect(stats.pingbacks == 2)
    }
}
