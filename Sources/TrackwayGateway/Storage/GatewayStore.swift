import Foundation
import TrackwayStore

/// The server's database access: reads on a small pool of read-only connections (WAL lets them
/// run beside the writer), and every write through one `StoreWriter` thread that commits
/// whatever arrived meanwhile in one transaction.
///
/// ```swift
/// let store = try GatewayStore(path: "trackway.sqlite")
/// let post = try store.read { try $0.post(id: 1) }
/// let result = try await store.write { try $0.insert(ping) }   // answered once committed
/// ```
final class GatewayStore: Sendable {
    private let readers: ReaderPool
    private let writer: StoreWriter

    /// Opens the writer connection (creating the file and bringing its schema up to date).
    init(path: String) throws {
        writer = try StoreWriter(path: path)
        readers = ReaderPool(path: path)
    }

    /// Runs `body` on an idle read-only connection; it sees every write committed before the call.
    func read<T>(_ body: (PingStore) throws -> T) throws -> T {
        try readers.with(body)
    }

    /// Runs `body` on the writer connection inside the next group transaction; returns once that
    /// transaction is committed. A throwing body undoes only its own writes. With a
    /// `resumePoint`, the caller continues on that event loop (see `ResumePoint` for when that pays).
    func write<T: Sendable>(
        resumingOn resumePoint: ResumePoint? = nil, _ body: @escaping @Sendable (PingStore) throws -> T
    ) async throws -> T {
        try await writer.write(resumingOn: resumePoint, body)
    }

    /// Lets queued writes finish and stops the writer thread.
    func close() {
        writer.close()
    }
}

/// Read-only connections, opened as concurrent readers need them and kept for reuse; the count
/// stays at the number of threads that read at once.
private final class ReaderPool: @unchecked Sendable {
    private let path: String
    private let lock = NSLock()
    private var idle: [PingStore] = []

    init(path: String) {
        self.path = path
    }

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
}
