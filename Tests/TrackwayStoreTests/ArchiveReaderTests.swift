import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// The archive's queries on each engine: only what the public saw, in the order and page asked
/// for.
@Suite struct ArchiveReaderTests {
    /// The archive sample in a store of its own, and a reader on it.
    private struct Fixture {
        let temp: TemporaryStore
        let reader: StoreArchiveReader

        init(_ engine: StoreEngine) throws {
            temp = try TemporaryStore(engine)
            try temp.importRecords(ArchiveSample.records())
            reader = StoreArchiveReader(location: temp.location)
        }

        func id(_ sourceID: String) throws -> Int {
            let row = try temp.store.database.statement("SELECT id FROM posts WHERE source_id = ?").firstRow(sourceID)
            return try #require(row).int(0)
        }
    }

    @Test("finds the site by any host it lived at and describes it", arguments: StoreEngine.tested)
    func site(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let site = try #require(try await reader.site(forHost: "archive.example"))
        #expect(site.title == "Archive Sample" && site.language == "en-GB" && site.description == "Tides & nets")
        #expect(try await reader.site(forHost: "elsewhere.example") == nil)
        #expect(try await reader.sites().map(\.id) == [site.id])
    }

    @Test("shows a published post with its author's name, terms with their ancestors, dates and counts", arguments: StoreEngine.tested)
    func publicPost(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let post = try #require(try await reader.post(id: fixture.id("10")))
        #expect(post.title == "Spring tides and the north wall" && post.authorName == "Mara Quist")
        #expect(post.categories == [ArchiveTerm(taxonomy: "category", slug: "boats", name: "Boats", path: ["boats"])])
        #expect(post.tags.map(\.slug) == ["tides"])
        #expect(post.date.iso8601 == "2026-03-16T07:30:00Z" && post.date.local == "2026-03-16 07:30:00")
        #expect(post.commentCount == 5 && post.pingCount == 3)
        let nets = try #require(try await reader.post(id: fixture.id("11")))
        #expect(nets.categories.first?.path == ["boats", "repairs"] && nets.authorName == "Keeper Brennan")
        #expect(try await reader.post(id: fixture.id("12"))?.postType == "page")
    }

    @Test("finds nothing for drafts, pending, private, scheduled, trashed items, menu items and a draft's attachment", arguments: StoreEngine.tested)
    func hiddenPosts(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        for (sourceID, status) in ArchiveSample.hidden {
            #expect(try await reader.post(id: fixture.id(sourceID)) == nil, "\(status)")
        }
        #expect(try await reader.post(id: fixture.id("20")) == nil)
        #expect(try await reader.post(id: fixture.id("21")) == nil)
        let photo = try #require(try await reader.post(id: fixture.id("19")))
        #expect(photo.parent?.title == "Spring tides and the north wall" && photo.attachmentURL.hasSuffix("harbour.jpg"))
    }

    @Test("gives a password-protected post's title only: no content, excerpt or discussion", arguments: StoreEngine.tested)
    func passwordPost(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let locked = try #require(try await reader.post(id: fixture.id("18")))
        #expect(locked.isPasswordProtected && locked.title == "Locked notes")
        #expect(locked.content.isEmpty && locked.excerpt.isEmpty && locked.commentCount == 0)
        #expect(try await reader.comments(ofPost: locked.id, page: 1, perPage: 50).items.isEmpty)
    }

    @Test("threads approved comments by parent, and shows a reply to a hidden comment at the top", arguments: StoreEngine.tested)
    func threads(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let page = try await reader.comments(ofPost: fixture.id("10"), page: 1, perPage: 50)
        #expect(page.items.map(\.author) == ["Ines", "Mara Quist", "Ines", "Orphan", "Harbour master"])
        #expect(page.items.map(\.depth) == [0, 1, 2, 0, 0])
        #expect(page.items[1].parentID == page.items[0].id && page.items[2].parentID == page.items[1].id)
        #expect(page.total == 3)
        let second = try await reader.comments(ofPost: fixture.id("10"), page: 2, perPage: 2)
        #expect(second.items.map(\.author) == ["Harbour master"] && second.pageCount == 2)
    }

    @Test("lists approved trackbacks, pingbacks and webmentions only, oldest first", arguments: StoreEngine.tested)
    func pings(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let page = try await reader.pings(ofPost: fixture.id("10"), page: 1, perPage: 50)
        #expect(page.items.map(\.kind) == [.trackback, .pingback, .webmention])
        #expect(page.items[0].sourceTitle == "Tide tables" && page.items[0].blogName == "Coast Lights")
        #expect(page.items[0].sourceURL == "http://coast.example/tides" && page.items[1].author == "Pier notes")
        #expect(page.total == 3)
    }

    @Test("lists public posts newest first, by term (a category with its children), author, month and search", arguments: StoreEngine.tested)
    func listings(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let site = try #require(try await reader.site(forHost: "archive.example")).id
        func titles(_ filter: ArchiveFilter) async throws -> [String] {
            try await reader.posts(site: site, filter: filter, page: 1, perPage: 10).items.map(\.title)
        }
        #expect(try await titles(.all) == ["Spring tides and the north wall", "Mending nets", "Locked notes"])
        #expect(try await titles(.term(taxonomy: "category", slug: "boats")) == ["Spring tides and the north wall", "Mending nets"])
        #expect(try await titles(.term(taxonomy: "category", slug: "repairs")) == ["Mending nets"])
        #expect(try await titles(.term(taxonomy: "post_tag", slug: "tides")) == ["Spring tides and the north wall"])
        #expect(try await titles(.author("keeper-brennan")) == ["Mending nets"])
        #expect(try await titles(.month(year: 2026, month: 2)) == ["Mending nets"])
        #expect(try await titles(.search("NORTH wall")) == ["Spring tides and the north wall"])
        #expect(try await titles(.search("\"mooring lines\"")) == ["Spring tides and the north wall"])
        #expect(try await titles(.search("100%")).isEmpty)
        let page = try await reader.posts(site: site, filter: .all, page: 2, perPage: 2)
        #expect(page.items.map(\.title) == ["Locked notes"] && page.total == 3 && page.pageCount == 2)
        #expect(page.items[0].content.isEmpty)
        #expect(try await reader.posts(site: site, filter: .all, page: 1, perPage: 1).items[0].commentCount == 5)
        #expect(try await reader.term(site: site, taxonomy: "category", slug: "repairs")?.path == ["boats", "repairs"])
        #expect(try await reader.author(site: site, login: "mara")?.displayName == "Mara Quist")
        #expect(try await reader.author(site: site, login: "nobody") == nil)
    }

    @Test("lists a site's approved comments and pings newest first, with their post", arguments: StoreEngine.tested)
    func recentDiscussion(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let site = try #require(try await reader.site(forHost: "archive.example")).id
        let items = try await reader.recentDiscussion(site: site, post: nil, limit: 4)
        #expect(items.map(\.kind) == [.webmention, .pingback, .trackback, .comment])
        #expect(items.allSatisfy { $0.post.title == "Spring tides and the north wall" })
        #expect(try await reader.recentDiscussion(site: site, post: fixture.id("11"), limit: 10).isEmpty)
    }

    @Test("changes its change token when another connection commits", arguments: StoreEngine.tested)
    func changeToken(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        let reader = fixture.reader
        let before = try await reader.changeToken()
        #expect(try await reader.changeToken() == before)
        try fixture.temp.store.database.execute("UPDATE comments SET status = 'approved' WHERE source_id = '104'")
        #expect(try await reader.changeToken() != before)
    }
}
