import Foundation
import TrackwayStore

/// A store in a fresh temporary directory (SQLite) or a fresh database on the test server
/// (PostgreSQL), removed when released (WAL files included, the database dropped).
///
/// ```swift
/// let target = try TemporaryStore()
/// let session = ImportSession(store: target.store)
/// let onPostgres = try TemporaryStore(.postgres)   // a store test run on both engines
/// ```
public final class TemporaryStore {
    /// The directory the database file lives in (on PostgreSQL, an empty one), for files a test
    /// writes beside it.
    public let directory: TemporaryDirectory
    /// The database file's path, or on PostgreSQL its URL: what `--db` takes.
    public let path: String
    /// Where the store lives.
    public let location: StoreLocation
    /// The open store.
    public let store: Store
    private let postgres: TemporaryPostgresDatabase?

    /// Creates an empty, migrated store on `engine`.
    public init(_ engine: StoreEngine = .sqlite) throws {
        directory = try TemporaryDirectory(prefix: "trackway-store")
        switch engine {
        case .sqlite:
            postgres = nil
            path = directory.file("trackway.sqlite").path
            location = .sqlite(path: path)
        case .postgres:
            let database = try TemporaryPostgresDatabase()
            postgres = database
            path = database.url.description
            location = .postgres(database.url)
        }
        store = try Store(location: location)
    }

    /// Opens the store again on a connection of its own (another process's view).
    public func reopened() throws -> Store {
        try Store(location: location)
    }
}
