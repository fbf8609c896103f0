import Foundation

/// Connections to one database (read-only unless asked otherwise), opened as concurrent readers need them and kept for
/// reuse; the count stays at the number of threads that read at once, and each connection is
/// used by one of them at a time. On SQLite, WAL lets them run beside the writer; on PostgreSQL
/// they are sessions of their own. Each sees every write committed before it began.
///
/// ```swift
/// let readers = ReaderPool(location: .sqlite(path: "trackway.sqlite"))
/// let post = try readers.with { try $0.post(id: 1) }
/// ```
final class ReaderPool: @unchecked Sendable {
    private let location: StoreLocation
    private let readOnly: Bool
    private let lock = NSLock()
    private var idle: [PingStore] = []

    init(location: StoreLocation, readOnly: Bool = true) {
        self.location = location
        self.readOnly = readOnly
    }

    /// Runs `body` on an idle connection, opening one when none is idle.
    func with<T>(_ body: (PingStore) throws -> T) throws -> T {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        let store = try reused ?? PingStore(database: Database(location: location, readOnly: readOnly))
        do {
            let result = try body(store)
            giveBack(store)
            return result
        } catch {
            // A PostgreSQL connection that failed may be broken (the server restarted): the next
            // reader opens a new one. A SQLite connection stays good after an error.
            if !store.database.isPostgres { giveBack(store) }
            throw error
        }
    }

    private func giveBack(_ store: PingStore) {
        lock.lock()
        idle.append(store)
        lock.unlock()
    }

    /// Opens a connection of its own, which reads the schema's migrations as it opens, and closes
    /// it: the pooled connections keep reading the file they opened even after it was moved or
    /// deleted, so only a new one tells whether the database is still there to be read. Its busy
    /// timeout is short, as a health check must answer quickly.
    func checkReachable() throws {
        switch location {
        case .sqlite(let path): _ = try Database(path: path, readOnly: true, busyTimeoutMilliseconds: 1_000)
        case .postgres: _ = try Database(location: location, readOnly: true)
        }
    }
}
