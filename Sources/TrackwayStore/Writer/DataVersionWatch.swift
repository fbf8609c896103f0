import Foundation

/// Whether anything was committed to the database, by this process or another (another node):
/// a number that changes when a commit may have changed what the pages show.
///
/// On SQLite it is the file's `PRAGMA data_version`, which changes when any other connection
/// commits; no table is read. The value is comparable only on one connection, so it is always
/// read on the same one: read-only, opened on first use, never used for anything else. On
/// PostgreSQL it is the sum of `store_changes`, which a trigger on the tables the pages read
/// bumps once a transaction (migration 12): one small read, the same on every node.
///
/// ```swift
/// let watch = DataVersionWatch(location: .sqlite(path: "trackway.sqlite"))
/// let before = try watch.current()
/// // ... another process approves a ping ...
/// try watch.current() != before   // true
/// ```
/// Unchecked Sendable: the connection is used only under `lock`.
final class DataVersionWatch: @unchecked Sendable {
    private let location: StoreLocation
    private let lock = NSLock()
    private var connection: Database?

    init(location: StoreLocation) {
        self.location = location
    }

    /// The database's data version as this watch's connection sees it. A PostgreSQL connection
    /// that lost its server (a restart, a failover) is replaced, and read once more.
    func current() throws -> Int {
        try lock.withLock {
            do {
                return try read()
            } catch where connection?.isConnectionLost == true {
                connection = nil
                return try read()
            }
        }
    }

    /// Reads the version on the watch's connection, opening it on first use; called under `lock`.
    private func read() throws -> Int {
        let database = try connection ?? Database(location: location, readOnly: true)
        connection = database
        let sql = database.isPostgres ? "SELECT coalesce(sum(version), 0) FROM store_changes" : "PRAGMA data_version"
        return try database.statement(sql).firstRow()?.int(0) ?? 0
    }
}
