import Foundation

/// Whether anything was committed to a SQLite file: its `PRAGMA data_version`, which changes
/// when any other connection (of this process or another) commits. The value is comparable only
/// on one connection, so it is always read on the same one: read-only, opened on first use,
/// never used for anything else. A few microseconds a read (no table is read).
///
/// ```swift
/// let watch = DataVersionWatch(path: "trackway.sqlite")
/// let before = try watch.current()
/// // ... another process approves a ping ...
/// try watch.current() != before   // true
/// ```
/// Unchecked Sendable: the connection is used only under `lock`.
final class DataVersionWatch: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var connection: Database?

    init(path: String) {
        self.path = path
    }

    /// The file's data version as this watch's connection sees it.
    func current() throws -> Int {
        try lock.withLock {
            let database = try connection ?? Database(path: path, readOnly: true)
            connection = database
            return try database.statement("PRAGMA data_version").firstRow()?.int(0) ?? 0
        }
    }
}
