extension Schema {
    /// Applies the migrations `db` has not seen yet, all in one transaction that holds the write
    /// lock while it reads what was applied: processes opening a new file at once take turns,
    /// and each finds the work of those before it. A database some migration of which this build
    /// does not know was written by a newer Trackway and is refused (`StoreError.newerSchema`).
    ///
    /// An up-to-date file is only read, without the lock, so opening one never waits for an import
    /// writing in another process. On PostgreSQL, whose transactions do not lock the database,
    /// migrating processes take turns on an advisory lock instead (nodes starting at once).
    static func migrate(_ db: Database, migrations: [Migration] = migrations) throws {
        if let applied = try appliedMigrations(db) {
            try refuseNewer(db, applied: applied, known: migrations)
            if migrations.allSatisfy({ applied.contains($0.name) }) { return }
        }
        if db.isPostgres {
            try db.statement("SELECT pg_advisory_lock(?)").run(advisoryLockKey)
            defer { _ = try? db.statement("SELECT pg_advisory_unlock(?)").run(advisoryLockKey) }
            try applyMissing(db, migrations: migrations)
            return
        }
        // SQLite ignores this pragma inside a transaction, so it is set around it.
        let rebuilds = migrations.contains(where: \.rebuildsTables)
        if rebuilds { try db.execute("PRAGMA foreign_keys = OFF") }
        defer { if rebuilds { try? db.execute("PRAGMA foreign_keys = ON") } }
        try applyMissing(db, migrations: migrations)
    }

    /// The key of the advisory lock PostgreSQL's migrations run under ("trackway" in ASCII).
    private static let advisoryLockKey: Int64 = 0x7472_6163_6B77_6179

    /// Records the table of applied migrations, then applies the others, in one transaction.
    private static func applyMissing(_ db: Database, migrations: [Migration]) throws {
        try db.transaction {
            let table = "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
            try db.execute(db.isPostgres ? PostgresDialect.schema(table) : table)
            let applied = try appliedMigrations(db) ?? []
            try refuseNewer(db, applied: applied, known: migrations)
            for migration in migrations where !applied.contains(migration.name) {
                try migration.apply(db)
                // PostgreSQL checks references as it goes, and its migrations rebuild no table.
                if migration.rebuildsTables && !db.isPostgres { try checkForeignKeys(db, after: migration) }
                try db.statement("INSERT INTO schema_migrations(name) VALUES (?)").run(migration.name)
            }
        }
    }

    /// Throws when a row refers to one that is not there: a rebuilt table lost rows or ids.
    private static func checkForeignKeys(_ db: Database, after migration: Migration) throws {
        if let row = try db.statement("PRAGMA foreign_key_check").firstRow() {
            throw StoreError.invalid("migration \(migration.name) left a row of \(row.string(0)) referring to a missing \(row.string(2))")
        }
    }

    /// Refuses a database written by a newer Trackway; for connections that never migrate (read-only ones).
    static func check(_ db: Database, knowing migrations: [Migration] = migrations) throws {
        if let applied = try appliedMigrations(db) {
            try refuseNewer(db, applied: applied, known: migrations)
        }
    }

    /// The names of the migrations applied to `db`; nil when none ever was (a new database).
    private static func appliedMigrations(_ db: Database) throws -> Set<String>? {
        guard try db.hasTable("schema_migrations") else { return nil }
        return Set(try db.statement("SELECT name FROM schema_migrations").rows().map { $0.string(0) })
    }

    private static func refuseNewer(_ db: Database, applied: Set<String>, known: [Migration]) throws {
        let knownNames = Set(known.map(\.name))
        let unknown = applied.subtracting(knownNames)
        guard !unknown.isEmpty else { return }
        let knownVersion = known.map { Migration.version(ofName: $0.name) }.max() ?? 0
        let foundVersion = applied.map(Migration.version(ofName:)).max() ?? 0
        throw StoreError.newerSchema(path: db.path, found: foundVersion, known: knownVersion)
    }
}
