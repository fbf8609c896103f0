import Foundation
import TrackwayStore

/// A fresh, empty database on the test server (`TestPostgres.server`), dropped when released:
/// PostgreSQL's counterpart of a temporary SQLite file.
///
/// ```swift
/// let database = try TemporaryPostgresDatabase()
/// let store = try Store(location: .postgres(database.url))
/// ```
public final class TemporaryPostgresDatabase: @unchecked Sendable {
    private let server: PostgresServer
    /// The database's name, unique to this process and moment.
    public let name: String
    /// The URL that opens it.
    public let url: PostgresURL

    private static let counter = Counter()

    /// Creates the database; throws when no test server is set.
    public init() throws {
        guard let server = TestPostgres.server else {
            throw TestPostgresUnavailable()
        }
        self.server = server
        name = "trackway_test_\(getpid())_\(Self.counter.next())"
        url = server.url.with(database: name)
        try server.createDatabase(named: name)
    }

    deinit {
        try? server.dropDatabase(named: name)
    }

    /// The error when a test asks for PostgreSQL and `TRACKWAY_TEST_POSTGRES_URL` is not set.
    public struct TestPostgresUnavailable: Error, CustomStringConvertible {
        public var description: String { TestPostgres.skipReason }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            value += 1
            return value
        }
    }
}
