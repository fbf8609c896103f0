import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

@Suite("Records that cannot be stored")
struct SkippedRecordTests {
    @Test("a post id repeated in one export keeps both items, and importing again adds nothing", arguments: StoreEngine.tested)
    func repeatedPostIsKept(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        var duplicate = SampleBlog.posts()[0]
        duplicate.content = "A second item with the same id"
        let records = SampleBlog.records() + [.post(duplicate)]
        let summary = try temp.importRecords(records)
        #expect(summary.posts == ImportCounts(added: 4))
        #expect(summary.skippedRecords.isEmpty)
        #expect(summary.comments.skipped == 0)
        #expect(try temp.store.stats().posts == 4)
        let again = try temp.importRecords(records)
        #expect(again.posts == ImportCounts(unchanged: 4))
        #expect(again.comments.added == 0)
    }

    @Test("records before any site and posts without an id are skipped with a reason", arguments: StoreEngine.tested)
    func recordsWithoutContext(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let summary = try temp.importRecords(
            [.post(Post(sourceID: "1")), .site(SampleBlog.site()), .post(Post(sourceID: ""))])
        #expect(summary.posts.skipped == 2)
        #expect(summary.skippedRecords.count == 2)
        #expect(summary.skippedRecords.allSatisfy { !$0.reason.isEmpty })
        #expect(try temp.store.stats().posts == 0)
    }

    @Test("a comment id repeated within a post is stored once", arguments: StoreEngine.tested)
    func repeatedCommentIsSkipped(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        var posts = SampleBlog.posts()
        posts[1].comments.append(SampleBlog.comment("110", type: "pingback"))
        let summary = try temp.importRecords(SampleBlog.records(posts: posts))
        #expect(summary.pingbacks == ImportCounts(added: 2, skipped: 1))
        #expect(try temp.store.stats().pingbacks == 2)
    }

    @Test("the summary reads as one line per kind", arguments: StoreEngine.tested)
    func summaryText(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let summary = try temp.importRecords(SampleBlog.records())
        #expect(summary.description.contains("post: 3 added, 0 updated, 0 unchanged, 0 skipped"))
        #expect(!summary.description.contains("webmention"))
    }

    @Test("a finished session refuses more records", arguments: StoreEngine.tested)
    func finishedSessionRefusesWrites(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let session = ImportSession(store: temp.store)
        _ = try session.finish()
        #expect(throws: StoreError.self) { try session.write(.site(SampleBlog.site())) }
    }
}
