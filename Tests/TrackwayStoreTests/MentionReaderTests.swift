import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// The read API's queries on each engine: only what the public saw, in the order and page asked for,
/// and a change stamp that moves with every commit from any connection.
@Suite struct MentionReaderTests {
    /// One published post with an approved, a pending, a spam and a trashed item of each kind,
    /// a published post with a password, and a draft, each of those with an approved pingback.
    private static func records() -> [ImportRecord] {
        var site = Site(sourceKey: "http://reader.example", format: .wxr)
        site.link = "http://reader.example"
        var posts: [Post] = []
        for (id, status, password) in [("1", "publish", ""), ("2", "publish", "secret"), ("3", "draft", "")] {
            var post = Post(sourceID: id)
            post.status = status
            post.password = password
            post.link = "http://reader.example/\(id)/"
            posts.append(post)
        }
        var hour = 0
        for kind in ["", "trackback", "pingback", "webmention"] {
            for approved in ["1", "0", "spam", "trash"] {
                var comment = Comment(sourceID: String(posts[0].comments.count + 1))
                comment.commentType = kind
                comment.approved = approved
                comment.author = "\(kind.isEmpty ? "comment" : kind) \(approved)"
                comment.date = "2020-01-01 \(hour < 10 ? "0" : "")\(hour):00:00"
                comment.dateGMT = comment.date
                posts[0].comments.append(comment)
                hour += 1
            }
        }
        for index in 1...2 {
            var ping = Comment(sourceID: "1")
            ping.commentType = "pingback"
            ping.author = "hidden post's ping"
            posts[index].comments = [ping]
        }
        return [.site(site)] + posts.map(ImportRecord.post)
    }

    private struct Fixture {
        let temp: TemporaryStore
        let repository: StorePingRepository
        let reader: StoreMentionReader
        let postIDs: [Int]

        init(_ engine: StoreEngine) throws {
            temp = try TemporaryStore(engine)
            try temp.importRecords(MentionReaderTests.records())
            repository = try StorePingRepository(location: temp.location)
            reader = StoreMentionReader(sharingReadersOf: repository)
            postIDs = try temp.store.database.statement("SELECT id FROM posts ORDER BY source_id").rows().map { $0.int(0) }
        }
    }

    @Test(arguments: StoreEngine.tested)
    func onlyApprovedItemsOfPublicPostsAreRead(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        defer { fixture.repository.close() }
        let all = MentionQuery(postIDs: fixture.postIDs, kinds: [.comment, .trackback, .pingback, .webmention])
        var query = all
        query.limit = 100
        let mentions = try await fixture.reader.mentions(query)
        #expect(mentions.map(\.author) == ["webmention 1", "pingback 1", "trackback 1", "comment 1"])
        #expect(mentions.allSatisfy { $0.postID == fixture.postIDs[0] })
        let counts = try await fixture.reader.counts(postIDs: fixture.postIDs)
        #expect(counts.byKind == [.comment: 1, .trackback: 1, .pingback: 1, .webmention: 1])
        #expect(counts.total == 4)
    }

    @Test(arguments: StoreEngine.tested)
    func kindsOrderSinceAfterIDAndPagesNarrowTheList(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        defer { fixture.repository.close() }
        var query = MentionQuery(postIDs: [fixture.postIDs[0]], kinds: [.trackback, .pingback, .webmention])
        #expect(try await fixture.reader.mentions(query).map(\.author) == ["webmention 1", "pingback 1", "trackback 1"])
        query.descending = false
        #expect(try await fixture.reader.mentions(query).map(\.author) == ["trackback 1", "pingback 1", "webmention 1"])
        query.limit = 1
        query.offset = 1
        #expect(try await fixture.reader.mentions(query).map(\.author) == ["pingback 1"])
        query.limit = 20
        query.offset = 0
        // The pingback arrived at 08:00 UTC.
        query.receivedAfter = "2020-01-01 08:00:00"
        #expect(try await fixture.reader.mentions(query).map(\.author) == ["webmention 1"])
        query.receivedAfter = nil
        let trackbackID = try #require(try await fixture.reader.mentions(query).first?.id)
        query.afterID = trackbackID
        #expect(try await fixture.reader.mentions(query).map(\.author) == ["pingback 1", "webmention 1"])
        query.kinds = [.comment, .webmention]
        query.afterID = nil
        query.order = .published
        query.descending = true
        #expect(try await fixture.reader.mentions(query).map(\.author) == ["comment 1", "webmention 1"])
    }

    @Test(arguments: StoreEngine.tested)
    func theChangeStampMovesWithACommitFromAnyConnection(engine: StoreEngine) async throws {
        let fixture = try Fixture(engine)
        defer { fixture.repository.close() }
        let first = try await fixture.reader.changeStamp()
        #expect(try await fixture.reader.changeStamp() == first)
        let pending = try #require(try fixture.temp.store.pings(status: .pending).first)
        _ = try fixture.temp.store.setStatus(.approved, ofPings: [pending.id])
        let second = try await fixture.reader.changeStamp()
        #expect(second != first)
        #expect(try await fixture.reader.changeStamp() == second)
        _ = try await fixture.repository.setStatus(.spam, ids: [pending.id])
        #expect(try await fixture.reader.changeStamp() != second)
    }
}
