import Foundation
import Logging
import Synchronization
import TrackwayStore

/// A rate limit that holds across the nodes sharing a database: each ping adds one to its
/// client's count in a fixed window (`PingRepository.countPing`, one upsert), and a client may
/// send `burst` pings a window, the window being the time its in-memory bucket takes to fill
/// again (`burst / perMinute` minutes): the same long-run rate as `RateLimiter`, though a client
/// may send up to twice `burst` across a window's end. When the count cannot be had the ping is
/// let through (and the error logged): a limit is not worth refusing honest pings for.
///
/// ```swift
/// let limiter = SharedRateLimiter(limit: .standard, store: repository, logger: logger)
/// if await !limiter.allowsPing(from: "192.0.2.7") { /* 429, fault 0 */ }
/// ```
final class SharedRateLimiter: PingRateLimiting {
    private let limit: RateLimit
    private let windowSeconds: Int
    private let store: any PingRepository
    private let logger: Logger
    /// When the counts of past windows were last deleted (seconds since 1970).
    private let lastSweep = Mutex(0)

    init(limit: RateLimit, store: any PingRepository, logger: Logger) {
        self.limit = limit
        windowSeconds = max(1, Int((Double(limit.burst) / max(limit.perMinute, 0.000_001) * 60).rounded()))
        self.store = store
        self.logger = logger
    }

    func allowsPing(from client: String) async -> Bool {
        await sweepPastWindows()
        do {
            return try await store.countPing(from: client, windowSeconds: windowSeconds) <= limit.burst
        } catch {
            logger.error("rate limit of \(client) not counted: \(error)")
            return true
        }
    }

    /// Once a window (on whichever node gets there first each time), deletes the past
    /// windows' counts, so the table holds the clients of the last two windows only.
    private func sweepPastWindows() async {
        let now = Int(Date().timeIntervalSince1970)
        let due = lastSweep.withLock { last in
            guard now - last >= windowSeconds else { return false }
            last = now
            return true
        }
        guard due else { return }
        do {
            try await store.forgetPingCounts(windowSeconds: windowSeconds)
        } catch {
            logger.error("forgetting past rate-limit windows: \(error)")
        }
    }
}
