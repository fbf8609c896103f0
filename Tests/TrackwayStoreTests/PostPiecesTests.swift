import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

/// A post whose comments arrive in pieces (`postStart`, `postComments`, `postEnd`) must be
/// stored, counted and updated exactly as the same post arriving whole.
@Suite("Posts imported in pieces")
struct PostPiecesTests {
    /// `records` with the comments of every post that has more than `size` cut into pieces of `size`.
    static func inPieces(_ records: [ImportRecord], size: Int) -> [ImportRecord] {
        records.flatMap { record -> [ImportRecord] in
            guard case .post(let post) = record, post.comments.count > size else { return [record] }
            var start = post
            start.comments = Array(post.comments.prefix(size))
            var pieces: [ImportRecord] = [.postStart(start)]
            var rest = Array(post.comments.dropFirst(size))
            while rest.count > size {
                pieces.append(.postComments(Array(rest.prefix(size))))
                rest.removeFirst(size)
            }
            var end = post
            end.comments = rest
            pieces.append(.postEnd(end))
            return pieces
        }
    }

    /// The sample blog, with a comment id repeated inside post 10 and post 10 repeated whole.
    static func records(posts: [Post] = SampleBlog.posts()) -> [ImportRecord] {
        var posts = posts
        posts[0].comments.append(posts[0].comments[0])
        return SampleBlog.records(posts: posts) + [.post(posts[0])]
    }

    @Test("a post in pieces stores the rows, and counts the records, of the same post whole", arguments: [1, 2, 4])
    func sameAsWhole(size: Int) throws {
        let whole = try TemporaryStore()
        let wholeSummary = try whole.importRecords(Self.records())
        let pieces = try TemporaryStore()
        let piecesSummary = try pieces.importRecords(Self.inPieces(Self.records(), size: size))
        #expect(piecesSummary == wholeSummary)
        #expect(try pieces.dump() == whole.dump())
    }

    @Test("importing in pieces again finds it unchanged, and applies changed, added and removed comments")
    func reimportAndUpdate() throws {
        var changed = SampleBlog.posts()
        changed[0].title = "Retitled"
        changed[0].comments[0].content = "Rewritten"
        changed[0].comments.remove(at: 2)
        changed[0].comments.append(SampleBlog.comment("105"))
        let whole = try TemporaryStore()
        try whole.importRecords(Self.records())
        let wholeAgain = try whole.importRecords(Self.records())
        let wholeChanged = try whole.importRecords(Self.records(posts: changed))

        let pieces = try TemporaryStore()
        try pieces.importRecords(Self.inPieces(Self.records(), size: 2))
        let piecesAgain = try pieces.importRecords(Self.inPieces(Self.records(), size: 2))
        let piecesChanged = try pieces.importRecords(Self.inPieces(Self.records(posts: changed), size: 2))

        #expect(piecesAgain.posts == ImportCounts(unchanged: 4))
        #expect(piecesAgain == wholeAgain)
        // Both items with post 10's id changed: each is its own row.
        #expect(piecesChanged.posts == ImportCounts(updated: 2, unchanged: 2))
        #expect(piecesChanged == wholeChanged)
        #expect(try pieces.dump() == whole.dump())
    }

    @Test("a dry run in pieces counts what the import would do and writes nothing", arguments: StoreEngine.tested)
    func dryRun(engine: StoreEngine) throws {
        let untouched = try TemporaryStore(engine)
        let dry = try TemporaryStore()
        let drySummary = try dry.importRecords(Self.inPieces(Self.records(), size: 2), dryRun: true)
        #expect(try dry.dump() == untouched.dump())
        let real = try TemporaryStore()
        var expected = try real.importRecords(Self.records())
        expected.dryRun = true
        #expect(drySummary == expected)
    }

    @Test("a post cut short by the end of its file leaves nothing of itself, and the rest commits")
    func unfinishedPost() throws {
        // The post with five comments last, so that the file stops inside it after the others.
        var posts = SampleBlog.posts()
        posts.append(posts.removeFirst())
        let cut = Array(Self.inPieces(SampleBlog.records(posts: posts), size: 2).prefix { record in
            if case .postEnd = record { return false }
            return true
        })
        #expect(cut.contains { if case .postComments = $0 { true } else { false } })
        #expect(cut.contains { if case .post = $0 { true } else { false } })
        let withoutPost = try TemporaryStore()
        let expected = try withoutPost.importRecords(cut.filter {
            switch $0 {
            case .postStart, .postComments: false
            default: true
            }
        })
        let pieces = try TemporaryStore()
        let session = ImportSession(store: pieces.store)
        for record in cut { try session.write(record) }
        try session.discardUnfinishedPost()
        let summary = try session.finish()
        #expect(summary == expected)
        #expect(try pieces.dump() == withoutPost.dump())
    }
}
