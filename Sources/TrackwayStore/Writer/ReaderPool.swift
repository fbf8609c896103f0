import Foundation

/// Read-only connections to one database file, opened as concurrent readers need them and kept
/// for reuse; the count stays at the number of threads that read at once. WAL lets them run
/// beside the writer, and each sees every write committed before it began.
///
/// ```swift
/// let readers = ReaderPool(path: "trackway.sqlite")
/// let post = try readers.with { try $0.post(id: 1) }
/// ```
final class ReaderPool: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var idle: [PingStore] = []

    init(path: String) {
        self.path = path
    }

    /// Runs `body` on an idle connection, opening one when none is idle.
    func with<T>(_ body: (PingStore) throws -> T) throws -> T {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        let store = try reused ?? PingStore(database: Database(path: path, readOnly: true))
        defer {
            lock.lock()
            idle.append(store)
            lock.unlock()
        }
        return try body(store)
    }

    /// Opens a connection of its own, which reads the schema's migrations as it opens, and closes
    /// it: the pooled connections keep reading the file they opened even after it was moved or
    /// deleted, so only a new one tells whether the database is still there to be read. Its busy
    /// timeout is short, as a health check must answer quickly.
    func checkReachable() throws {
        _ = try Database(path: path, readOnly: true, busyTimeoutMilliseconds: 1_000)
    }
}
