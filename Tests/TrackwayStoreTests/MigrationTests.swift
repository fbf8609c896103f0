import Testing
import TrackwayCore
@testable import TrackwayStore
import TrackwayTesting

@Suite("Schema migrations")
struct MigrationTests {
    /// How many migrations an older Trackway had applied: each shipped schema before this one.
    static let olderSchemas = Array(1..<Schema.migrations.count)

    /// The tables and indexes of a database as SQLite stores their definitions.
    private func schema(of store: Store) throws -> [Row] {
        try store.database.statement("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").rows()
    }

    @Test("a database an older schema made is brought up to date: its rows intact, its schema that of a new file, the newer tables in use", arguments: olderSchemas)
    func upgradesAnOlderDatabase(applied count: Int) throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("older.sqlite").path
        try writeOlderDatabase(at: path, applied: count)
        let upgraded = try Store(path: path)

        let fresh = try TemporaryStore()
        try fresh.importRecords(SampleBlog.records())
        #expect(try upgraded.dump() == fresh.dump())
        #expect(try schema(of: upgraded) == schema(of: fresh.store))
        let applied = try upgraded.database.statement("SELECT name FROM schema_migrations ORDER BY rowid").rows().map { $0.string(0) }
        #expect(applied == Schema.migrations.map(\.name))

        let store = PingStore(database: upgraded.database)
        let post = try #require(try store.post(sourceID: "10", host: nil))
        let request = try store.queueWebmention(token: "t", source: "http://other.example/1", target: post.link, postID: post.postID, authorIP: "192.0.2.1")
        #expect(try store.refuseWebmention(request, reason: "no link", removingMention: false) == .refused)
        try store.record(OutboundPing(postID: post.postID, targetURL: "http://other.example/", pingProtocol: "pingback",
                                      endpoint: "", outcome: "accepted", message: "", pinged: true))
        #expect(try store.outboundPings(postID: post.postID).map(\.targetURL) == ["http://other.example/"])
    }

    @Test("posts stored before items could share an id are found again: the file imports as unchanged, each post its first occurrence")
    func upgradedPostsReimportUnchanged() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("older.sqlite").path
        // The schema just before items could share an id, whatever migrations came after it.
        let beforeOccurrences = try #require(Schema.migrations.firstIndex { $0.name == "6-post-occurrences" })
        try writeOlderDatabase(at: path, applied: beforeOccurrences)
        let store = try Store(path: path)
        let summary = try store.importRecords(SampleBlog.records())
        let items = [summary.posts, summary.pages, summary.attachments, summary.otherItems]
        #expect(items.map { $0.added + $0.updated + $0.skipped } == [0, 0, 0, 0])
        #expect(items.map(\.unchanged).reduce(0, +) == SampleBlog.posts().count)
        let occurrences = try store.database.statement("SELECT DISTINCT occurrence FROM posts").rows().map { $0.int(0) }
        #expect(occurrences == [0])
    }

    /// Writes at `path` a database with the first `count` migrations that holds the sample blog:
    /// the rows a current import writes, copied into the older tables by the columns they have
    /// (today's import writes columns an older schema lacks).
    private func writeOlderDatabase(at path: String, applied count: Int) throws {
        let fresh = try TemporaryStore()
        try fresh.importRecords(SampleBlog.records())
        let older = try Database(path: path, migrations: Array(Schema.migrations.prefix(count)))
        try older.statement("ATTACH DATABASE ? AS fresh").run(fresh.path)
        // Foreign keys are checked once every table is filled: a table a migration rebuilt
        // (posts, by migration 6) comes after the tables whose rows name it.
        try older.execute("PRAGMA foreign_keys = OFF")
        let tables = try older.statement(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY rowid"
        ).rows().map { $0.string(0) }
        for table in tables {
            // A table a migration filled itself (spam_rules_version's one row) keeps its rows.
            guard try older.statement("SELECT 1 FROM main.\(table) LIMIT 1").firstRow() == nil else { continue }
            let columns = try older.statement("SELECT name FROM pragma_table_info(?, 'main')").rows(table)
                .map { $0.string(0) }.joined(separator: ", ")
            try older.execute("INSERT INTO main.\(table) (\(columns)) SELECT \(columns) FROM fresh.\(table)")
        }
        try older.execute("DETACH DATABASE fresh")
        #expect(try older.statement("PRAGMA foreign_key_check").rows().isEmpty)
        try older.execute("PRAGMA foreign_keys = ON")
    }

    @Test("a migration written in Swift changes data inside the migration's transaction, once", arguments: StoreEngine.tested)
    func swiftMigration(engine: StoreEngine) throws {
        let marked = Migration(name: "99-mark-titles") { db in
            guard db.isInTransaction else { throw StoreError.invalid("the migration ran outside a transaction") }
            for row in try db.statement("SELECT id, title FROM posts").rows() {
                try db.statement("UPDATE posts SET title = ? WHERE id = ?").run(row.string(1) + " (marked)", row.int(0))
            }
        }
        let temp = try TemporaryStore(engine)
        try temp.importRecords(SampleBlog.records())
        for _ in 0..<2 {
            _ = try Database(location: temp.location, migrations: Schema.migrations + [marked])
        }
        let titles = try temp.store.database.statement("SELECT title FROM posts ORDER BY id").rows().map { $0.string(0) }
        #expect(!titles.isEmpty && titles.allSatisfy { $0.hasSuffix(" (marked)") && !$0.hasSuffix(" (marked) (marked)") })
        #expect(try temp.store.database.statement("SELECT count(*) FROM schema_migrations WHERE name = ?").firstRow(marked.name)?.int(0) == 1)
    }

    @Test("a database a newer Trackway wrote is refused, read-only too, with one line naming both schema versions", arguments: StoreEngine.tested)
    func refusesANewerDatabase(engine: StoreEngine) throws {
        let temp = try TemporaryStore(engine)
        try temp.store.database.statement("INSERT INTO schema_migrations(name) VALUES (?)").run("9000-from-the-future")
        let known = Migration.version(ofName: try #require(Schema.migrations.last).name)
        let expected = "\(temp.path) was written by a newer Trackway (schema 9000; this build knows up to \(known))"
        for readOnly in [false, true] {
            let error = #expect(throws: StoreError.self) { try Database(location: temp.location, readOnly: readOnly) }
            #expect(error?.description == expected)
        }
        #expect(throws: StoreError.self) { try StorePingRepository(location: temp.location) }
    }
}
