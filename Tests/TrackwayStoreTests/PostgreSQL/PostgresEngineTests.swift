import Foundation
import Testing
@testable import TrackwayStore
import TrackwayTesting

@Suite("The PostgreSQL engine", .enabled(if: TestPostgres.server != nil, Comment(rawValue: TestPostgres.skipReason)))
struct PostgresEngineTests {
    @Test("a new database gets every migration, by the same names and in the same order as SQLite")
    func migrationsByName() throws {
        let target = try TemporaryStore(.postgres)
        let applied = try target.store.database.statement("SELECT name FROM schema_migrations ORDER BY applied_at, name").rows().map { $0.string(0) }
        #expect(Set(applied) == Set(Schema.migrations.map(\.name)))
        #expect(applied.count == Schema.migrations.count)
        let sqlite = try TemporaryStore()
        #expect(try target.store.database.tableNames() == sqlite.store.database.tableNames())
    }

    @Test("a database a newer Trackway migrated is refused, naming the URL without its password and both schema versions")
    func newerSchemaRefused() throws {
        let target = try TemporaryStore(.postgres)
        try target.store.database.statement("INSERT INTO schema_migrations(name) VALUES (?)").run("99-from-the-future")
        let error = #expect(throws: StoreError.self) { try target.reopened() }
        #expect(error.map { "\($0)" } == "\(target.location) was written by a newer Trackway (schema 99; this build knows up to \(Schema.migrations.count))")
    }

    @Test("eight connections opening one new database at once all succeed and apply each migration once")
    func concurrentMigrations() async throws {
        let database = try TemporaryPostgresDatabase()
        let location = StoreLocation.postgres(database.url)
        let opened = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { try await onOwnThread { _ = try Store(location: location); return true } }
            }
            return try await group.reduce(into: 0) { count, _ in count += 1 }
        }
        #expect(opened == 8)
        let store = try Store(location: location)
        let counts = try store.database.statement("SELECT name, count(*) FROM schema_migrations GROUP BY name").rows()
        #expect(counts.count == Schema.migrations.count)
        #expect(counts.allSatisfy { $0.int(1) == 1 })
    }

    @Test("values come back as they were bound: 64-bit integers, text of any script, empty text apart from NULL, reals")
    func valuesRoundTrip() throws {
        let target = try TemporaryStore(.postgres)
        let database = target.store.database
        try database.execute("CREATE TABLE bound (n BIGINT, t TEXT, r DOUBLE PRECISION)")
        let values: [(Int64, String?, Double)] = [(Int64.max, "café 東京 🎉\n\ttab", 0.5), (Int64.min, "", -1e-9), (0, nil, 1e300)]
        for (number, text, real) in values {
            try database.statement("INSERT INTO bound VALUES (?, ?, ?)").run(number, text, real)
        }
        let rows = try database.statement("SELECT n, t, r, n = ?, t IS NULL FROM bound ORDER BY n").rows(Int64.max)
        #expect(rows.map { $0.values[0] } == [.integer(Int64.min), .integer(0), .integer(Int64.max)])
        #expect(rows.map { $0.values[1] } == [.text(""), .null, .text("café 東京 🎉\n\ttab")])
        #expect(rows.map { $0.values[2] } == [.real(-1e-9), .real(1e300), .real(0.5)])
        #expect(rows.map { $0.int(3) } == [0, 0, 1])
        #expect(rows.map { $0.int(4) } == [0, 1, 0])
    }

    @Test("a refused statement throws the server's SQLSTATE and message with the SQL, and a savepoint's failure leaves its transaction going")
    func errorsAndSavepoints() throws {
        let target = try TemporaryStore(.postgres)
        let database = target.store.database
        try database.statement("INSERT INTO sites(source_key, format) VALUES (?, ?)", returningID: true).run("a", "wxr")
        let first = database.lastInsertRowID
        try database.transaction {
            #expect(throws: StoreError.self) {
                try database.transaction { try database.statement("INSERT INTO sites(source_key, format) VALUES (?, ?)", returningID: true).run("a", "wxr") }
            }
            try database.statement("INSERT INTO sites(source_key, format) VALUES (?, ?)", returningID: true).run("b", "wxr")
        }
        #expect(database.lastInsertRowID > first)
        #expect(try database.statement("SELECT source_key FROM sites ORDER BY id").rows().map { $0.string(0) } == ["a", "b"])
        let error = #expect(throws: StoreError.self) {
            try database.statement("INSERT INTO sites(source_key, format) VALUES (?, ?)", returningID: true).run("a", "wxr")
        }
        #expect(error?.postgresState == "23505")
        #expect(error?.isUniqueViolation == true)
        #expect(error.map { "\($0)" }?.contains("duplicate key value violates unique constraint") == true)
        #expect(!database.isInTransaction)
    }
}
