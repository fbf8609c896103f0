import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

@Suite("Re-importing the same export")
struct IdempotentImportTests {
    @Test("a first import adds every record, counted per kind", arguments: StoreEngine.tested)
    func firstImportAddsEverything(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let summary = try temp.importRecords(SampleBlog.records())
        #expect(summary.sites == ImportCounts(added: 1))
        // alice and bob declared, carol met only as post 11's creator.
        #expect(summary.authors == ImportCounts(added: 3))
        // news, world, swift declared; post_tag/undeclared only on post 10.
        #expect(summary.terms == ImportCounts(added: 4))
        #expect(summary.posts == ImportCounts(added: 3))
        #expect(summary.pages == ImportCounts(added: 1))
        #expect(summary.attachments == ImportCounts(added: 1))
        #expect(summary.otherItems == ImportCounts(added: 1))
        #expect(summary.comments == ImportCounts(added: 3))
        #expect(summary.trackbacks == ImportCounts(added: 1))
        #expect(summary.pingbacks == ImportCounts(added: 2))
        #expect(summary.skippedRecords.isEmpty)
    }

    @Test("importing the same records twice changes nothing and says unchanged everywhere", arguments: StoreEngine.tested)
    func secondImportIsUnchanged(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records(), batchSize: 2)
        let before = try temp.dump()
        let summary = try temp.importRecords(SampleBlog.records(), batchSize: 2)
        #expect(try temp.dump() == before)
        #expect(summary.sites == ImportCounts(unchanged: 1))
        // The undeclared author and term are not records of their own, so only declared ones recount.
        #expect(summary.authors == ImportCounts(unchanged: 2))
        #expect(summary.terms == ImportCounts(unchanged: 3))
        #expect(summary.posts == ImportCounts(unchanged: 3))
        #expect(summary.pages == ImportCounts(unchanged: 1))
        #expect(summary.attachments == ImportCounts(unchanged: 1))
        #expect(summary.otherItems == ImportCounts(unchanged: 1))
        #expect(summary.comments == ImportCounts(unchanged: 3))
        #expect(summary.trackbacks == ImportCounts(unchanged: 1))
        #expect(summary.pingbacks == ImportCounts(unchanged: 2))
    }

    @Test("a re-import in a new connection (a new process) still recognises every record", arguments: StoreEngine.tested)
    func hashesAreStableAcrossConnections(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let reopened = try temp.reopened()
        let session = ImportSession(store: reopened)
        for record in SampleBlog.records() { try session.write(record) }
        let summary = try session.finish()
        #expect(summary.posts.unchanged == 3)
        #expect(summary.posts.added + summary.posts.updated == 0)
    }

    @Test("a post that moved in the file keeps export order in step with the new file", arguments: StoreEngine.tested)
    func reorderedPostsFollowTheFile(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let reversed = Array(SampleBlog.posts().reversed())
        let summary = try temp.importRecords(SampleBlog.records(posts: reversed))
        #expect(summary.posts == ImportCounts(unchanged: 3))
        let siteID = try #require(try temp.store.sites().first?.id)
        var order: [String] = []
        try temp.store.forEachPost(siteID: siteID) { post, _ in order.append(post.sourceID) }
        #expect(order == reversed.map(\.sourceID))
    }
}
