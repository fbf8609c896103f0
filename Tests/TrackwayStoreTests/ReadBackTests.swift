import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite("Reading an imported site back for export")
struct ReadBackTests {
    @Test("the site header comes back with its unknown elements", arguments: StoreEngine.tested)
    func siteRoundTrips(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let siteID = try #require(try temp.store.sites().first?.id)
        #expect(try temp.store.site(id: siteID) == SampleBlog.site())
        #expect(try temp.store.site(id: siteID + 1) == nil)
    }

    @Test("declared authors and terms come back in file order with their meta", arguments: StoreEngine.tested)
    func authorsAndTermsRoundTrip(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let siteID = try #require(try temp.store.sites().first?.id)
        #expect(try temp.store.authors(siteID: siteID) == SampleBlog.authors())
        #expect(try temp.store.terms(siteID: siteID) == SampleBlog.terms())
    }

    @Test("every post comes back, in file order, with everything that hangs off it", arguments: StoreEngine.tested)
    func postsRoundTrip(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records(), batchSize: 2)
        let siteID = try #require(try temp.store.sites().first?.id)
        #expect(try temp.store.wholePosts(siteID: siteID) == SampleBlog.posts())
    }

    @Test("every URL a post was reachable at resolves to it by its legacy key", arguments: StoreEngine.tested)
    func postURLsAreKeyed(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let rows = try temp.store.database.statement(
            "SELECT u.url_key, u.kind FROM post_urls u JOIN posts p ON p.id = u.post_id WHERE p.source_id = ? ORDER BY u.seq"
        ).rows("10")
        #expect(rows.map { $0.string(0) } == [
            "blog.example.com/2009/01/hello", "blog.example.com/?p=10", "blog.example.com/archives/000010.html",
        ])
        #expect(rows.map { $0.string(1) } == ["link", "guid", "legacy"])
        let attachment = try temp.store.database.statement(
            "SELECT u.kind FROM post_urls u JOIN posts p ON p.id = u.post_id WHERE p.source_id = '13'"
        ).rows().map { $0.string(0) }
        #expect(attachment == ["attachment"])
    }
}
