import Foundation
import TrackwayStore

/// The engines the store's behaviour tests run on: SQLite always, PostgreSQL when
/// `TRACKWAY_TEST_POSTGRES_URL` names a server (scripts/test.sh starts a throwaway cluster and
/// sets it).
///
/// ```swift
/// @Test("re-importing changes nothing", arguments: StoreEngine.tested)
/// func reimport(engine: StoreEngine) throws {
///     let target = try TemporaryStore(engine)
/// }
/// ```
public enum StoreEngine: String, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    /// SQLite, and PostgreSQL when a test server is set.
    public static let tested: [StoreEngine] = TestPostgres.server == nil ? [.sqlite] : [.sqlite, .postgres]

    public var description: String { rawValue }
}

/// The PostgreSQL server the tests may use, from `TRACKWAY_TEST_POSTGRES_URL`.
public enum TestPostgres {
    /// The variable that names it: an administrator's URL (the database is usually `postgres`).
    public static let variable = "TRACKWAY_TEST_POSTGRES_URL"

    /// The server, or nil when the variable is not set (or is not a PostgreSQL URL).
    public static let server: PostgresServer? = {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty,
              let url = try? PostgresURL(parsing: text) else { return nil }
        return PostgresServer(url: url)
    }()

    /// Why PostgreSQL tests are skipped when they are.
    public static let skipReason = "\(variable) is not set: scripts/test.sh starts a PostgreSQL cluster and sets it"
}
