import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

@Suite("Dry runs")
struct DryRunTests {
    @Test("a dry run into an empty store writes nothing and reports what it would add", arguments: StoreEngine.tested)
    func dryRunIntoEmptyStore(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let before = try temp.dump()
        let summary = try temp.importRecords(SampleBlog.records(), dryRun: true)
        #expect(try temp.dump() == before)
        #expect(summary.dryRun)
        #expect(summary.sites == ImportCounts(added: 1))
        #expect(summary.authors == ImportCounts(added: 3))
        #expect(summary.terms == ImportCounts(added: 4))
        #expect(summary.posts == ImportCounts(added: 3))
        #expect(summary.pingbacks == ImportCounts(added: 2))
    }

    @Test("a dry run of an updated export reports the update without applying it", arguments: StoreEngine.tested)
    func dryRunOfUpdate(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let before = try temp.dump()
        var posts = SampleBlog.posts(helloContent: "Edited")
        posts[0].comments.append(SampleBlog.comment("105"))
        let summary = try temp.importRecords(SampleBlog.records(posts: posts), dryRun: true)
        #expect(try temp.dump() == before)
        #expect(summary.posts == ImportCounts(updated: 1, unchanged: 2))
        #expect(summary.comments == ImportCounts(added: 1, unchanged: 3))
        #expect(summary.terms == ImportCounts(unchanged: 3))
    }
}
