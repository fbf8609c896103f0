import CSQLite3

/// One SQLite connection (system libsqlite3) with Trackway's settings: WAL, a busy timeout so the
/// CLI and the server can share a file, foreign keys on.
///
/// ```swift
/// let db = try Database(path: "trackway.sqlite")
/// try db.transaction {
///     try db.statement("INSERT INTO sites(source_key, format) VALUES (?, ?)").run("k", "wxr")
/// }
/// ```
///
/// A connection is confined to one task or thread at a time; prepared statements are cached.
/// Only the store opens connections: the other modules reach the database through `Store` and
/// `PingRepository`.
final class Database {
    let handle: OpaquePointer
    /// The file the connection opened.
    let path: String
    private var cache: [String: Statement] = [:]

    /// SQLite's process-wide setup, done once before the first connection opens.
    private static let librarySetUp: Void = {
        _ = trackway_sqlite3_disable_memory_statistics()
        sqlite3_initialize()
    }()

    /// Opens (creating if needed) the database at `path` and applies the `migrations` it lacks; a
    /// read-only connection only checks that it knows every migration the file has seen. A lock
    /// held by another connection is waited for up to `busyTimeoutMilliseconds`.
    init(path: String, readOnly: Bool = false, migrations: [Migration] = Schema.migrations, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        Self.librarySetUp
        var connection: OpaquePointer?
        let flags = readOnly
            ? SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
            : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        let status = sqlite3_open_v2(path, &connection, flags, nil)
        guard status == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close(connection)
            throw StoreError.cannotOpen(path: path, message: message)
        }
        handle = connection
        self.path = path
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
        if !readOnly {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
            try Schema.migrate(self, migrations: migrations)
        } else {
            try Schema.check(self, knowing: migrations)
        }
    }

    /// Sets how many pages the write-ahead log may reach before a commit on this connection
    /// copies it back into the database file (SQLite's default is 1,000).
    func setAutoCheckpoint(pages: Int) throws {
        try execute("PRAGMA wal_autocheckpoint = \(pages)")
    }

    /// Copies what it can of the write-ahead log back into the database file without waiting
    /// for readers or the writer; a busy or partial checkpoint is normal and not an error.
    func checkpointPassively() {
        try? execute("PRAGMA wal_checkpoint(PASSIVE)")
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more SQL statements that take no arguments.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        if status != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? lastErrorMessage
            sqlite3_free(message)
            throw StoreError.sql(sql: sql, code: status, message: text)
        }
    }

    /// A prepared statement for `sql`, reused across calls (reset, bindings cleared).
    func statement(_ sql: String) throws -> Statement {
        if let cached = cache[sql] {
            cached.reset()
            return cached
        }
        var prepared: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &prepared, nil)
        guard status == SQLITE_OK, let prepared else {
            throw StoreError.sql(sql: sql, code: status, message: lastErrorMessage)
        }
        let statement = Statement(handle: prepared, database: self, sql: sql)
        cache[sql] = statement
        return statement
    }

    /// True while a transaction is open on this connection.
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The rowid of the last insert on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last statement.
    var changes: Int { Int(sqlite3_changes(handle)) }

    var lastErrorMessage: String { String(cString: sqlite3_errmsg(handle)) }
}
