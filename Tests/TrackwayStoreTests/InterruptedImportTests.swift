import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite("Interrupted imports")
struct InterruptedImportTests {
    /// Many small posts so several batches commit before the interruption.
    static func records() -> [ImportRecord] {
        var posts = SampleBlog.posts()
        for number in 20..<40 {
            var post = Post(sourceID: String(number))
            post.title = "Post \(number)"
            post.terms = [PostTerm(taxonomy: "post_tag", slug: "tag-\(number % 3)", name: "Tag")]
            post.comments = [SampleBlog.comment("\(number)01"), SampleBlog.comment("\(number)02", type: "pingback")]
            posts.append(post)
        }
        return SampleBlog.records(posts: posts)
    }

    @Test("stopping at any record and importing again gives the database a clean import gives",
          arguments: [1, 4, 9, 15, 22, 29], StoreEngine.tested)
    func rerunAfterInterruptionMatchesCleanImport(stopAfter: Int, engine: StoreEngine) throws {
        let records = Self.records()
        let clean = try TemporaryStore(engine)
        try clean.importRecords(records, batchSize: 3)

        let interrupted = try TemporaryStore(engine)
        do {
            // Dropped without finish(), as a killed process would leave it: the open batch rolls back.
            let session = ImportSession(store: interrupted.store, batchSize: 3)
            for record in records.prefix(stopAfter) { try session.write(record) }
        }
        try interrupted.importRecords(records, batchSize: 3)
        #expect(try interrupted.dump() == clean.dump())
    }

    @Test("an interrupted batch leaves no part of itself behind", arguments: StoreEngine.tested)
    func openBatchRollsBack(engine: StoreEngine) throws {
        let records = Self.records()
        let temp = try TemporaryStore(engine)
        do {
            let session = ImportSession(store: temp.store, batchSize: 4)
            // Site, 2 authors, 3 terms, then 6 posts: one batch of 4 posts commits, 2 posts are open.
            for record in records.prefix(12) { try session.write(record) }
        }
        let stats = try temp.store.stats()
        #expect(stats.sites == 1)
        #expect(stats.posts + stats.pages + stats.attachments + stats.otherItems == 4)
        // Post 10's five comments and post 11's pingback were in the committed batch.
        #expect(stats.comments + stats.trackbacks + stats.pingbacks == 6)
    }

    @Test("a session that was interrupted mid-run and reopened reports the remainder as added", arguments: StoreEngine.tested)
    func rerunSummary(engine: StoreEngine) throws {
        let records = Self.records()
        let temp = try TemporaryStore(engine)
        do {
            let session = ImportSession(store: temp.store, batchSize: 4)
            for record in records.prefix(12) { try session.write(record) }
        }
        let summary = try temp.importRecords(records, batchSize: 4)
        #expect(summary.posts.unchanged == 2)   // 10 and 11 were in the committed batch
        #expect(summary.posts.added == 21)      // 15 and the 20 generated posts
    }

    @Test("a write that fails names the record, rolls its whole batch back and ends the session", arguments: StoreEngine.tested)
    func failedWriteRollsBack(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        switch engine {
        case .sqlite:
            try temp.store.database.execute("""
                CREATE TRIGGER refuse_page BEFORE INSERT ON posts WHEN NEW.source_id = '12'
                BEGIN SELECT RAISE(ABORT, 'simulated write failure'); END
                """)
        case .postgres:
            try temp.store.database.execute("""
                CREATE FUNCTION refuse_page() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN IF NEW.source_id = '12' THEN RAISE EXCEPTION 'simulated write failure'; END IF; RETURN NEW; END $$;
                CREATE TRIGGER refuse_page BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION refuse_page();
                """)
        }
        let session = ImportSession(store: temp.store, batchSize: 100)
        var failure: ImportWriteError?
        do {
            for record in SampleBlog.records() { try session.write(record) }
        } catch let error as ImportWriteError {
            failure = error
        }
        #expect(failure?.record == "page 12 of \(SampleBlog.key)")
        #expect(failure?.description.contains("simulated write failure") == true)
        // Posts 10 and 11, their comments, the site and its terms were in the same batch.
        #expect(try temp.store.stats() == StoreStats())
        #expect(throws: StoreError.self) { try session.write(.site(SampleBlog.site())) }
    }
}
