import Foundation

/// Connections to one database (read-only unless asked otherwise), opened as concurrent readers need them and kept for
/// reuse; the count stays at the number of threads that read at once, and each connection is
/// used by one of them at a time. On SQLite, WAL lets them run beside the writer; on PostgreSQL
/// they are sessions of their own. Each sees every write committed before it began.
///
/// `read` runs SQLite's reads on the calling thread (no hop), and PostgreSQL's, each a network
/// round trip, on `ReadThreads`, resuming the caller where `resumption` says (its event loop).
///
/// ```swift
/// let readers = ReaderPool(location: .sqlite(path: "trackway.sqlite"))
/// let post = try await readers.read { try $0.post(id: 1) }
/// ```
final class ReaderPool: @unchecked Sendable {
    /// PostgreSQL's reads at once, per pool: one connection each.
    static let postgresThreads = 4

    private let location: StoreLocation
    private let readOnly: Bool
    private let lock = NSLock()
    private var idle: [PingStore] = []
    /// PostgreSQL's; nil on SQLite, whose reads run inline.
    private let threads: ReadThreads?
    /// Called on the caller's thread before a read leaves it: where the caller continues.
    private let resumption: @Sendable () -> (any ResumptionExecutor)?

    init(
        location: StoreLocation, readOnly: Bool = true,
        resumingOn resumption: @escaping @Sendable () -> (any ResumptionExecutor)? = { nil }
    ) {
        self.location = location
        self.readOnly = readOnly
        self.resumption = resumption
        if case .postgres = location {
            threads = ReadThreads(limit: Self.postgresThreads)
        } else {
            threads = nil
        }
    }

    /// Runs `body` on an idle connection: inline on SQLite, on a read thread on PostgreSQL.
    func read<T: Sendable>(_ body: @escaping @Sendable (PingStore) throws -> T) async throws -> T {
        guard let threads else { return try with(body) }
        return try await threads.run(resumingOn: resumption()) { try self.with(body) }
    }

    /// Runs `body`, a blocking call on this pool's database that needs no pooled connection
    /// (the change watch's), where `read` would: inline on SQLite, on a read thread on PostgreSQL.
    func offload<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        guard let threads else { return try body() }
        return try await threads.run(resumingOn: resumption(), body)
    }

    /// Runs `body` on an idle connection, opening one when none is idle. When a PostgreSQL
    /// connection kept from before turns out to have lost its server (a restart, a failover),
    /// the other idle ones are as stale: they are dropped, and `body` runs once more on a new one.
    func with<T>(_ body: (PingStore) throws -> T) throws -> T {
        lock.lock()
        let reused = idle.popLast()
        lock.unlock()
        guard let reused else { return try run(body, on: open()) }
        do {
            return try run(body, on: reused)
        } catch where reused.database.isConnectionLost {
            lock.lock()
            idle.removeAll()
            lock.unlock()
            return try run(body, on: open())
        }
    }

    private func open() throws -> PingStore {
        PingStore(database: try Database(location: location, readOnly: readOnly))
    }

    private func run<T>(_ body: (PingStore) throws -> T, on store: PingStore) throws -> T {
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
