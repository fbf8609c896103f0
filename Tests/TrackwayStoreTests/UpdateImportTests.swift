import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

@Suite("Importing an updated export")
struct UpdateImportTests {
    @Test("a changed post is updated and every other record stays unchanged", arguments: StoreEngine.tested)
    func onlyTheChangedPostIsUpdated(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let summary = try temp.importRecords(SampleBlog.records(posts: SampleBlog.posts(helloContent: "Edited")))
        #expect(summary.posts == ImportCounts(updated: 1, unchanged: 2))
        #expect(summary.pages == ImportCounts(unchanged: 1))
        // Post 10's comments did not change, so they count as unchanged even though the post did.
        #expect(summary.comments == ImportCounts(unchanged: 3))
        let siteID = try #require(try temp.store.sites().first?.id)
        var contents: [String: String] = [:]
        try temp.store.forEachPost(siteID: siteID) { post, _ in contents[post.sourceID] = post.content }
        #expect(contents["10"] == "Edited")
        #expect(contents["11"] == "")
    }

    @Test("changed, added and removed comments of a post are counted and applied", arguments: StoreEngine.tested)
    func commentChangesAreApplied(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        var posts = SampleBlog.posts()
        posts[0].comments[0].content = "Rewritten"              // 100 updated
        posts[0].comments.remove(at: 2)                          // trackback 102 removed
        posts[0].comments.append(SampleBlog.comment("105"))     // 105 added
        let summary = try temp.importRecords(SampleBlog.records(posts: posts))
        #expect(summary.posts == ImportCounts(updated: 1, unchanged: 2))
        #expect(summary.comments == ImportCounts(added: 1, updated: 1, unchanged: 2))
        #expect(summary.pingbacks == ImportCounts(unchanged: 2))
        #expect(try temp.store.stats().trackbacks == 0)

        let siteID = try #require(try temp.store.sites().first?.id)
        let hello = try temp.store.wholePosts(siteID: siteID).first { $0.sourceID == "10" }
        #expect(hello?.comments == posts[0].comments)
    }

    @Test("a changed site header and author are updated in place", arguments: StoreEngine.tested)
    func siteAndAuthorUpdates(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        var records = SampleBlog.records(title: "Renamed Blog")
        if case .author(var alice) = records[1] {
            alice.email = "alice@new.example.com"
            records[1] = .author(alice)
        }
        let summary = try temp.importRecords(records)
        #expect(summary.sites == ImportCounts(updated: 1))
        #expect(summary.authors == ImportCounts(updated: 1, unchanged: 1))
        let sites = try temp.store.sites()
        #expect(sites.count == 1)
        #expect(sites.first?.title == "Renamed Blog")
        let siteID = try #require(sites.first?.id)
        #expect(try temp.store.authors(siteID: siteID).first?.email == "alice@new.example.com")
    }
}
