import Foundation

/// Answers read from the database, kept for at most `lifetime` seconds: the server asks the same
/// questions on every ping (which post lives at this URL, which hosts were the imported sites'),
/// and a change made meanwhile (a site imported while it runs) shows within that time. At most
/// `capacity` answers are kept, so a flood of made-up URLs cannot grow it without bound.
///
/// ```swift
/// let cache = ExpiringCache<Int>(capacity: 1024)
/// let count = try await cache.value(for: "posts") { try await store.postCount() }
/// ```
final class ExpiringCache<Value: Sendable>: @unchecked Sendable {
    private let lifetime: Double
    private let capacity: Int
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    /// When the oldest kept answer was asked for; all of them go once it is `lifetime` old.
    private var keptSince = -Double.infinity
    /// Counts the times everything was dropped, so an answer computed before a drop is not kept after it.
    private var generation = 0

    init(lifetime: Double = 2, capacity: Int) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The answer kept for `key`, or else `compute()`'s, kept from now on. `compute` runs outside
    /// the lock: two callers may both compute an answer that was missing.
    func value(
        for key: String, now: Double = ProcessInfo.processInfo.systemUptime, compute: () async throws -> Value
    ) async rethrows -> Value {
        let (kept, askedIn) = lock.withLock {
            if now - keptSince >= lifetime || values.count >= capacity {
                values.removeAll(keepingCapacity: true)
                keptSince = now
                generation += 1
            }
            return (values[key], generation)
        }
        if let kept { return kept }
        let value = try await compute()
        lock.withLock {
            if generation == askedIn { values[key] = value }
        }
        return value
    }
}
