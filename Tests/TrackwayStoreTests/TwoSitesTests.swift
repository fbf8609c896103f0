import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite("Two blogs in one database")
struct TwoSitesTests {
    @Test("two exports with the same post ids live side by side", arguments: StoreEngine.tested)
    func sitesDoNotCollide(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let summary = try temp.importRecords(SampleBlog.records(key: "https://other.example.org", title: "Other"))
        #expect(summary.sites == ImportCounts(added: 1))
        #expect(summary.posts == ImportCounts(added: 3))

        let sites = try temp.store.sites()
        #expect(sites.map(\.sourceKey) == [SampleBlog.key, "https://other.example.org"])
        #expect(sites.map(\.items) == [6, 6])
        #expect(sites.map(\.comments) == [6, 6])
        #expect(sites.map(\.authors) == [3, 3])
        #expect(sites.map(\.terms) == [4, 4])
        let stats = try temp.store.stats()
        #expect(stats.sites == 2)
        #expect(stats.posts == 6)
        #expect(stats.comments == 6)
    }

    @Test("re-importing one blog leaves the other untouched", arguments: StoreEngine.tested)
    func reimportTouchesOnlyItsSite(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        try temp.importRecords(SampleBlog.records(key: "https://other.example.org", title: "Other"))
        let summary = try temp.importRecords(SampleBlog.records(posts: SampleBlog.posts(helloContent: "Edited")))
        #expect(summary.posts == ImportCounts(updated: 1, unchanged: 2))

        let other = try #require(try temp.store.sites().last)
        var content = ""
        try temp.store.forEachPost(siteID: other.id) { post, _ in if post.sourceID == "10" { content = post.content } }
        #expect(content == SampleBlog.posts()[0].content)
    }

    @Test("one session can write two sites one after the other", arguments: StoreEngine.tested)
    func oneSessionTwoSites(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let summary = try temp.importRecords(
            SampleBlog.records() + SampleBlog.records(key: "https://other.example.org", title: "Other"))
        #expect(summary.sites == ImportCounts(added: 2))
        #expect(summary.posts == ImportCounts(added: 6))
        #expect(summary.skippedRecords.isEmpty)
    }
}
