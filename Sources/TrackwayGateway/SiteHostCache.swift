import Foundation
import TrackwayStore

/// The hosts the imported sites lived at, as `TargetResolver` tries them on every request: read
/// from the database at most once per `lifetime`, so a site imported while the server runs is
/// recognised within that time without a query per ping.
final class SiteHostCache: @unchecked Sendable {
    private let lifetime: Double
    private let lock = NSLock()
    private var hosts: [String] = []
    private var readAt = -Double.infinity

    init(lifetime: Double = 2) {
        self.lifetime = lifetime
    }

    /// The hosts, sorted; re-read through `store` when the cached list is older than `lifetime`.
    func hosts(from store: PingStore, now: Double = ProcessInfo.processInfo.systemUptime) throws -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if now - readAt >= lifetime {
            hosts = try store.siteHosts().sorted()
            readAt = now
        }
        return hosts
    }
}
