import Foundation
import TrackwayStore

/// A store in a fresh temporary directory, removed with the directory (WAL files included) when
/// released.
///
/// ```swift
/// let target = try TemporaryStore()
/// let session = ImportSession(store: target.store)
/// ```
public final class TemporaryStore {
    /// The directory the database file lives in, for files a test writes beside it.
    public let directory: TemporaryDirectory
    /// The database file's path.
    public let path: String
    /// The open store.
    public let store: Store

    /// Creates the directory and an empty, migrated store in it.
    public init() throws {
        directory = try TemporaryDirectory(prefix: "trackway-store")
        path = directory.file("trackway.sqlite").path
        store = try Store(path: path)
    }
}
