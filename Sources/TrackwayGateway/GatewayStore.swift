import Foundation
import TrackwayStore

/// The one SQLite connection of the server, shared by request handlers and background workers
/// behind a lock: each use is a few indexed statements, far shorter than a hop to an actor.
final class GatewayStore: @unchecked Sendable {
    private let lock = NSLock()
    private let store: PingStore

    init(path: String) throws {
        store = PingStore(database: try Database(path: path))
    }

    /// Runs `body` with exclusive use of the store.
    func with<T>(_ body: (PingStore) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(store)
    }
}
