import CSQLite3

/// A failure of the store, with the context needed to act on it.
///
/// ```swift
/// catch let error as StoreError { print(error) }  // "SQL error 19 (UNIQUE constraint failed…) in: INSERT …"
/// ```
public struct StoreError: Error, Sendable, CustomStringConvertible {
    private enum Kind: Sendable {
        case cannotOpen(path: String, message: String)
        case sql(sql: String, code: Int32, message: String)
        case postgres(sql: String, state: String, message: String)
        case notFound(what: String)
        case invalid(message: String)
        case newerSchema(path: String, found: Int, known: Int)
        case unreachable(message: String)
    }

    private let kind: Kind

    /// The database file could not be opened.
    public static func cannotOpen(path: String, message: String) -> StoreError {
        StoreError(kind: .cannotOpen(path: path, message: message))
    }

    /// SQLite refused a statement.
    public static func sql(sql: String, code: Int32, message: String) -> StoreError {
        StoreError(kind: .sql(sql: sql, code: code, message: message))
    }

    /// PostgreSQL refused a statement: `state` is its SQLSTATE code (`23505`, …), `message` the
    /// server's message.
    public static func postgres(sql: String, state: String, message: String) -> StoreError {
        StoreError(kind: .postgres(sql: sql, state: state, message: message))
    }

    /// A requested row (site, post, ping) does not exist.
    public static func notFound(_ what: String) -> StoreError {
        StoreError(kind: .notFound(what: what))
    }

    /// A request the store cannot carry out as asked (several sites and none chosen, …).
    public static func invalid(_ message: String) -> StoreError {
        StoreError(kind: .invalid(message: message))
    }

    /// The database holds a migration this build does not know: a newer Trackway wrote it.
    /// `path` is the file's path or the database URL without its password.
    public static func newerSchema(path: String, found: Int, known: Int) -> StoreError {
        StoreError(kind: .newerSchema(path: path, found: found, known: known))
    }

    /// The database cannot be read at all (a health check failed): the engine's reason alone, as
    /// `/healthz` shows it after "database unreachable:", with no path, SQL or connection string.
    public static func unreachable(_ message: String) -> StoreError {
        StoreError(kind: .unreachable(message: message))
    }

    /// What went wrong without where: no path, no SQL (what a health check may show anyone).
    var reason: String {
        switch kind {
        case .cannotOpen(_, let message), .sql(_, _, let message), .postgres(_, _, let message), .invalid(let message),
             .unreachable(let message): message
        case .notFound(let what): "\(what) not found"
        case .newerSchema(_, let found, let known): "written by a newer Trackway (schema \(found); this build knows up to \(known))"
        }
    }

    /// SQLite's result code, for SQL errors.
    public var sqliteCode: Int32? {
        if case .sql(_, let code, _) = kind { return code }
        return nil
    }

    /// PostgreSQL's SQLSTATE code, for its errors.
    public var postgresState: String? {
        if case .postgres(_, let state, _) = kind { return state }
        return nil
    }

    /// True when the statement broke a unique constraint, on either engine.
    var isUniqueViolation: Bool {
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY (macros Swift does not import).
        if let code = sqliteCode { return code == SQLITE_CONSTRAINT | 8 << 8 || code == SQLITE_CONSTRAINT | 6 << 8 }
        return postgresState == "23505"
    }

    /// True when another connection held the lock SQLite needed for longer than the busy timeout.
    var isBusy: Bool {
        sqliteCode.map { $0 & 0xFF == SQLITE_BUSY } ?? false
    }

    public var description: String {
        switch kind {
        case .cannotOpen(let path, let message): return "cannot open database \(path): \(message)"
        case .sql(let sql, let code, let message): return "SQL error \(code) (\(message)) in: \(sql)"
        case .postgres(let sql, let state, let message): return "PostgreSQL error \(state) (\(message)) in: \(sql)"
        case .notFound(let what): return "\(what) not found"
        case .invalid(let message): return message
        case .newerSchema(let path, let found, let known):
            return "\(path) was written by a newer Trackway (schema \(found); this build knows up to \(known))"
        case .unreachable(let message): return message
        }
    }
}
