import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// A Movable Type backup names an entry by its `entry.id` in every comment, tag and URL that
/// follows it: each lands on the first post of that id, whether the import that brings it also
/// created the site or an earlier import did.
@Suite("Records that name a Movable Type entry")
struct EntryReferenceTests {
    static func site() -> Site {
        var site = Site(sourceKey: "mt-blog", format: .movableType)
        site.generator = "\(Site.movableTypeBackupGenerator) 7.0"
        return site
    }

    static func entry(_ basename: String, id: String) -> Post {
        var post = Post(sourceID: basename)
        post.title = basename
        post.sourceFields = [MetaEntry(key: Post.movableTypeEntryIDKey, value: id)]
        return post
    }

    /// Entry 7 twice (the first post keeps its records), an id written "07" (no record names
    /// it: a reference is the number written plainly), and entry 8.
    static let entries: [ImportRecord] = [
        .post(entry("first-seven", id: "7")), .post(entry("second-seven", id: "7")),
        .post(entry("zero-seven", id: "07")), .post(entry("eight", id: "8")),
    ]

    static let attachments: [ImportRecord] = [
        .attachment(to: .movableTypeEntry(7), .comment(SampleBlog.comment("200"))),
        .attachment(to: .movableTypeEntry(8), .comment(SampleBlog.comment("201"))),
        .attachment(to: .movableTypeEntry(7), .comment(SampleBlog.comment("202"))),
        .attachment(to: .movableTypeEntry(8), .term(PostTerm(taxonomy: "post_tag", slug: "tides", name: "Tides"))),
        .attachment(to: .movableTypeEntry(7), .legacyURL("https://mt.example.com/archives/000007.html")),
        .attachment(to: .movableTypeEntry(9), .comment(SampleBlog.comment("203"))),
    ]

    /// Each comment, term and URL with the post it landed on, by the post's basename.
    static func placements(in store: TemporaryStore) throws -> [[String]] {
        let database = store.store.database
        let rows = try database.statement("""
            SELECT 'comment', comments.source_id, posts.source_id FROM comments JOIN posts ON posts.id = comments.post_id
            UNION ALL SELECT 'term', post_terms.slug, posts.source_id FROM post_terms JOIN posts ON posts.id = post_terms.post_id
            UNION ALL SELECT 'url', post_urls.url, posts.source_id FROM post_urls JOIN posts ON posts.id = post_urls.post_id
            ORDER BY 1, 2
            """).rows()
        return rows.map { [$0.string(0), $0.string(1), $0.string(2)] }
    }

    @Test("comments, terms and URLs land on the first post of the entry id they name, in a site the same import created")
    func sameImport() throws {
        let store = try TemporaryStore()
        let summary = try store.importRecords([.site(Self.site())] + Self.entries + Self.attachments)
        #expect(try Self.placements(in: store) == [
            ["comment", "200", "first-seven"], ["comment", "201", "eight"], ["comment", "202", "first-seven"],
            ["term", "tides", "eight"], ["url", "https://mt.example.com/archives/000007.html", "first-seven"],
        ])
        #expect(summary.comments.added == 3)
        #expect(summary.comments.skipped == 1)
        #expect(summary.skippedRecords.map(\.reason) == ["the post of entry 9 is not in this site"])
    }

    @Test("the records land on the same posts, and the database is the same, when an earlier import created the site")
    func earlierImport() throws {
        let together = try TemporaryStore()
        try together.importRecords([.site(Self.site())] + Self.entries + Self.attachments)
        let apart = try TemporaryStore()
        try apart.importRecords([.site(Self.site())] + Self.entries)
        try apart.importRecords([.site(Self.site())] + Self.attachments)
        #expect(try Self.placements(in: apart) == Self.placements(in: together))
        #expect(try apart.dump() == together.dump())
    }
}
