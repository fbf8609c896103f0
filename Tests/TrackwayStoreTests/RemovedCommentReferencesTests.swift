import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

/// An import's connection does not enforce foreign keys on SQLite, so the import itself does what
/// they would when it removes a comment (`ForeignKeyActions`).
@Suite("a comment a re-import removes takes what refers to it along")
struct RemovedCommentReferencesTests {
    private func commentID(_ sourceID: String, in temp: TemporaryStore) throws -> Int {
        try #require(try temp.store.database.statement("""
            SELECT c.id FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.source_id = '10' AND c.source_id = ?
            """).firstRow(sourceID)?.int(0))
    }

    private func count(_ sql: String, in temp: TemporaryStore) throws -> Int {
        try #require(try temp.store.database.statement(sql).firstRow()?.int(0))
    }

    @Test("its meta and the gateway's queue entries go; a Webmention request that made it stays, naming no comment", arguments: StoreEngine.tested)
    func referencesFollowTheSchema(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        let pending = try commentID("101", in: temp)     // has meta
        let trackback = try commentID("102", in: temp)
        let kept = try commentID("100", in: temp)
        let postID = try #require(try temp.store.database.statement("SELECT id FROM posts WHERE source_id = '10'").firstRow()?.int(0))
        let database = temp.store.database
        try database.execute("""
            INSERT INTO verification_queue (comment_id) VALUES (\(trackback)), (\(kept));
            INSERT INTO notification_queue (comment_id, payload) VALUES (\(trackback), '{}'), (\(kept), '{}');
            INSERT INTO webmention_requests (token, source, target, post_id, state, comment_id)
                VALUES ('made-it', 'https://a.example/', 'https://blog.example.com/', \(postID), 'accepted', \(pending)),
                       ('made-another', 'https://b.example/', 'https://blog.example.com/', \(postID), 'accepted', \(kept));
            INSERT INTO comment_meta (comment_id, seq, key, value) VALUES (\(kept), 0, 'kept', 'yes')
            """)

        var posts = SampleBlog.posts()
        posts[0].comments.removeAll { $0.sourceID == "101" || $0.sourceID == "102" }
        try temp.importRecords(SampleBlog.records(posts: posts))

        #expect(try count("SELECT count(*) FROM comments WHERE id IN (\(pending), \(trackback))", in: temp) == 0)
        #expect(try count("SELECT count(*) FROM comment_meta WHERE comment_id = \(pending)", in: temp) == 0)
        #expect(try count("SELECT count(*) FROM comment_meta WHERE comment_id = \(kept)", in: temp) == 1)
        #expect(try count("SELECT count(*) FROM verification_queue WHERE comment_id = \(trackback)", in: temp) == 0)
        #expect(try count("SELECT count(*) FROM notification_queue WHERE comment_id = \(trackback)", in: temp) == 0)
        #expect(try count("SELECT count(*) FROM verification_queue", in: temp) == 1)
        #expect(try count("SELECT count(*) FROM notification_queue", in: temp) == 1)
        #expect(try count("SELECT count(*) FROM webmention_requests WHERE token = 'made-it' AND comment_id IS NULL", in: temp) == 1)
        #expect(try count("SELECT count(*) FROM webmention_requests WHERE token = 'made-another' AND comment_id = \(kept)", in: temp) == 1)
        if engine == .sqlite {
            #expect(try database.statement("PRAGMA foreign_key_check").rows().isEmpty)
            #expect(try database.statement("PRAGMA foreign_keys").firstRow()?.int(0) == 1, "the session gives the connection back enforcing foreign keys")
        }
    }

    @Test("a schema whose references the import could not carry out is refused before anything is deleted")
    func unknownActionsAreRefused() throws {
        let temp = try TemporaryStore(.sqlite)
        try temp.store.database.execute("""
            CREATE TABLE comment_votes (comment_id INTEGER NOT NULL REFERENCES comments(id) ON DELETE RESTRICT)
            """)
        #expect(throws: StoreError.self) { try ForeignKeyActions.onDelete(of: "comments", keys: "= ?", in: temp.store.database) }
        try temp.store.database.execute("""
            DROP TABLE comment_votes;
            CREATE TABLE comment_notes (id INTEGER PRIMARY KEY, comment_id INTEGER REFERENCES comments(id) ON DELETE CASCADE);
            CREATE TABLE comment_note_links (note_id INTEGER REFERENCES comment_notes(id) ON DELETE CASCADE)
            """)
        #expect(throws: StoreError.self) { try ForeignKeyActions.onDelete(of: "comments", keys: "= ?", in: temp.store.database) }
    }
}
