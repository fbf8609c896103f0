import CSQLite3
import Foundation

/// One connection to the store's database: a SQLite file (system libsqlite3) or a PostgreSQL
/// database (libpq), with one API for both. On SQLite: WAL, a busy timeout so the CLI and the
/// server can share a file, foreign keys on.
///
/// ```swift
/// let db = try Database(path: "trackway.sqlite")
/// try db.transaction {
///     try db.statement("INSERT INTO sites(source_key, format) VALUES (?, ?)").run("k", "wxr")
/// }
/// ```
///
/// The store writes SQL once, with `?` parameters; `PostgresDialect` turns it into PostgreSQL's.
/// A connection is confined to one task or thread at a time; prepared statements are cached.
/// Only the store opens connections: the other modules reach the database through `Store` and
/// `PingRepository`.
final class Database {
    /// The engine and its connection.
    enum Engine {
        case sqlite(OpaquePointer)
        case postgres(PostgresConnection)
    }

    let engine: Engine
    /// What the connection opened.
    let location: StoreLocation
    /// The file's path, or the URL without its password: for messages.
    var path: String { location.description }
    private var cache: [String: Statement] = [:]
    /// What `observeCommits` installed: SQLite holds only a pointer to it.
    var commitObserver: CommitObserver?

    /// SQLite's process-wide setup, done once before the first connection opens.
    private static let librarySetUp: Void = {
        _ = trackway_sqlite3_disable_memory_statistics()
        sqlite3_initialize()
    }()

    /// Opens the database at `location` and applies the `migrations` it lacks; a read-only
    /// connection only checks that it knows every migration the database has seen.
    convenience init(location: StoreLocation, readOnly: Bool = false, migrations: [Migration] = Schema.migrations) throws {
        switch location {
        case .sqlite(let path): try self.init(path: path, readOnly: readOnly, migrations: migrations)
        case .postgres(let url): try self.init(postgres: url, readOnly: readOnly, migrations: migrations)
        }
    }

    /// Opens (creating if needed) the SQLite file at `path` and applies the `migrations` it
    /// lacks; a read-only connection only checks that it knows every migration the file has seen.
    /// A lock held by another connection is waited for up to `busyTimeoutMilliseconds`.
    init(path: String, readOnly: Bool = false, migrations: [Migration] = Schema.migrations, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        Self.librarySetUp
        var connection: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            var message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(connection)
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if status == SQLITE_CANTOPEN, !FileManager.default.fileExists(atPath: directory) {
                message = "its directory does not exist"
            }
            throw StoreError.cannotOpen(path: path, message: message)
        }
        engine = .sqlite(connection)
        location = .sqlite(path: path)
        sqlite3_busy_timeout(connection, busyTimeoutMilliseconds)
        do {
            try execute("PRAGMA foreign_keys = ON")
            try finishOpening(readOnly: readOnly, migrations: migrations)
        } catch {
            // SQLite reads the header only when first asked something: a file of another kind
            // opens, then fails its first statement.
            guard let code = (error as? StoreError)?.sqliteCode, code & 0xFF == SQLITE_NOTADB else { throw error }
            throw StoreError.cannotOpen(path: path, message: "the file is not a SQLite database")
        }
    }

    /// Connects to the PostgreSQL database `url` names and applies the `migrations` it lacks.
    init(postgres url: PostgresURL, readOnly: Bool = false, migrations: [Migration] = Schema.migrations) throws {
        engine = .postgres(try PostgresConnection(url: url, readOnly: readOnly))
        location = .postgres(url)
        try finishOpening(readOnly: readOnly, migrations: migrations)
    }

    private func finishOpening(readOnly: Bool, migrations: [Migration]) throws {
        if readOnly {
            try Schema.check(self, knowing: migrations)
            return
        }
        if case .sqlite = engine {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
        }
        try Schema.migrate(self, migrations: migrations)
    }

    /// True on a PostgreSQL connection.
    var isPostgres: Bool {
        if case .postgres = engine { return true }
        return false
    }

    /// Sets how many pages the write-ahead log may reach before a commit on this connection
    /// copies it back into the database file (SQLite's default is 1,000); nothing on PostgreSQL.
    func setAutoCheckpoint(pages: Int) throws {
        guard !isPostgres else { return }
        try execute("PRAGMA wal_autocheckpoint = \(pages)")
    }

    /// Copies what it can of the write-ahead log back into the database file without waiting
    /// for readers or the writer; a busy or partial checkpoint is normal and not an error.
    /// PostgreSQL checkpoints on its own.
    func checkpointPassively() {
        guard case .sqlite(let handle) = engine else { return }
        sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    deinit {
        cache.removeAll()
        if case .sqlite(let handle) = engine { sqlite3_close_v2(handle) }
    }

    /// Runs one or more SQL statements that take no arguments (the schema's SQL as written for
    /// SQLite; `Migration` gives PostgreSQL its own text).
    func execute(_ sql: String) throws {
        switch engine {
        case .sqlite(let handle):
            var message: UnsafeMutablePointer<CChar>?
            let status = sqlite3_exec(handle, sql, nil, nil, &message)
            if status != SQLITE_OK {
                let text = message.map { String(cString: $0) } ?? lastErrorMessage
                sqlite3_free(message)
                throw StoreError.sql(sql: sql, code: status, message: text)
            }
        case .postgres(let connection):
            try connection.execute(sql)
        }
    }

    /// Runs schema SQL written for SQLite (`CREATE TABLE …`), on PostgreSQL as
    /// `PostgresDialect.schema` translates it: for tables made outside a migration (temporary ones).
    func executeSchema(_ sql: String) throws {
        try execute(isPostgres ? PostgresDialect.schema(sql) : sql)
    }

    /// A prepared statement for `sql`, reused across calls (reset, bindings cleared). With
    /// `returningID`, an INSERT whose new row's id `lastInsertRowID` then gives on either engine
    /// (PostgreSQL is asked for it with `RETURNING id`).
    func statement(_ sql: String, returningID: Bool = false) throws -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        let statement: Statement
        switch engine {
        case .sqlite(let handle):
            var prepared: OpaquePointer?
            let status = sqlite3_prepare_v2(handle, sql, -1, &prepared, nil)
            guard status == SQLITE_OK, let prepared else {
                throw StoreError.sql(sql: sql, code: status, message: lastErrorMessage)
            }
            statement = Statement(handle: prepared, database: self, sql: sql)
        case .postgres(let connection):
            statement = Statement(postgres: try PostgresStatement(connection: connection, sql: sql, returningID: returningID), database: self)
        }
        cache[sql] = statement
        return statement
    }

    /// True while a transaction is open on this connection.
    var isInTransaction: Bool {
        switch engine {
        case .sqlite(let handle): return sqlite3_get_autocommit(handle) == 0
        case .postgres(let connection): return connection.isInTransaction
        }
    }

    /// True once a PostgreSQL connection has lost its server (a restart, a failover, the session
    /// ended): only a new connection works. Never on SQLite, whose file does not go away.
    var isConnectionLost: Bool {
        switch engine {
        case .sqlite: false
        case .postgres(let connection): connection.isLost
        }
    }

    /// The id of the last row inserted on this connection (on PostgreSQL, by a statement
    /// prepared `returningID`).
    var lastInsertRowID: Int64 {
        switch engine {
        case .sqlite(let handle): return sqlite3_last_insert_rowid(handle)
        case .postgres(let connection): return connection.lastInsertedID
        }
    }

    /// Rows changed by the last statement.
    var changes: Int {
        switch engine {
        case .sqlite(let handle): return Int(sqlite3_changes(handle))
        case .postgres(let connection): return connection.changes
        }
    }

    /// SQLite's message for the last error on this connection.
    var lastErrorMessage: String {
        guard case .sqlite(let handle) = engine else { return "" }
        return String(cString: sqlite3_errmsg(handle))
    }

    /// True when the database has a table named `name`.
    func hasTable(_ name: String) throws -> Bool {
        try tableNames().contains(name)
    }

    /// The names of the database's tables, in name order.
    func tableNames() throws -> [String] {
        let sql = isPostgres
            ? "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        return try statement(sql).rows().map { $0.string(0) }
    }

    /// The names of `table`'s columns, in the table's order.
    func columnNames(of table: String) throws -> [String] {
        let sql = isPostgres
            ? "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position"
            : "SELECT name FROM pragma_table_info(?)"
        return try statement(sql).rows(table).map { $0.string(0) }
    }
}
