import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

@Suite("Term identity")
struct TermDedupeTests {
    @Test("a term declared twice is stored once and the repeat is reported as skipped", arguments: StoreEngine.tested)
    func repeatedDeclarationCollapses(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        var repeated = Term(taxonomy: "category", slug: "news")
        repeated.name = "News again"
        let records = SampleBlog.records() + [.term(repeated)]
        let summary = try temp.importRecords(records)
        #expect(summary.terms == ImportCounts(added: 4, skipped: 1))
        #expect(summary.skippedRecords.map(\.item) == ["category/news"])
        #expect(try temp.store.stats().terms == 4)
        let siteID = try #require(try temp.store.sites().first?.id)
        #expect(try temp.store.terms(siteID: siteID).first { $0.slug == "news" }?.name == "News")
    }

    @Test("a term several posts mention but nobody declared is one row, not exported as declared", arguments: StoreEngine.tested)
    func referencedTermsCountOnce(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        var posts = SampleBlog.posts()
        posts[1].terms.append(PostTerm(taxonomy: "post_tag", slug: "undeclared", name: "Undeclared"))
        try temp.importRecords(SampleBlog.records(posts: posts))
        #expect(try temp.store.stats().terms == 4)
        let siteID = try #require(try temp.store.sites().first?.id)
        #expect(try temp.store.terms(siteID: siteID).map(\.slug) == ["news", "world", "swift"])
    }

    @Test("the same slug in two taxonomies is two terms", arguments: StoreEngine.tested)
    func taxonomyIsPartOfIdentity(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        let records = SampleBlog.records() + [.term(Term(taxonomy: "post_tag", slug: "news"))]
        let summary = try temp.importRecords(records)
        #expect(summary.terms.added == 5)
        #expect(try temp.store.stats().terms == 5)
    }

    @Test("a term and an author a post uses before their declarations end up declared, in a dry run too",
          arguments: [false, true])
    func declarationAfterUse(dryRun: Bool) throws {
        let temp = try TemporaryStore()
        var late = Term(taxonomy: "post_tag", slug: "undeclared")
        late.name = "Declared late"
        var carol = Author(login: "carol")
        carol.displayName = "Carol"
        let records = SampleBlog.records() + [.term(late), .author(carol)]
        let summary = try temp.importRecords(records, dryRun: dryRun)
        // Added when post 10 / post 11 named them, updated by the declaration.
        #expect(summary.terms == ImportCounts(added: 4, updated: 1))
        #expect(summary.authors == ImportCounts(added: 3, updated: 1))
        guard !dryRun else { return }
        let siteID = try #require(try temp.store.sites().first?.id)
        #expect(try temp.store.terms(siteID: siteID).last == late)
        #expect(try temp.store.authors(siteID: siteID).last == carol)
        #expect(try temp.store.stats().terms == 4)
        let again = try temp.importRecords(records)
        #expect(again.terms == ImportCounts(unchanged: 4))
        #expect(again.authors == ImportCounts(unchanged: 3))
    }
}
