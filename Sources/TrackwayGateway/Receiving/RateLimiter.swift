import Foundation

/// Per-client token buckets: each ping takes a token; tokens come back at the configured rate.
final class RateLimiter: @unchecked Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: Double
    }

    private let limit: RateLimit
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]

    init(limit: RateLimit) {
        self.limit = limit
    }

    /// Takes a token for `client`; false when its bucket is empty (the request must be refused).
    func allow(_ client: String, now: Double = ProcessInfo.processInfo.systemUptime) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let capacity = Double(limit.burst)
        var bucket = buckets[client] ?? Bucket(tokens: capacity, updated: now)
        bucket.tokens = min(capacity, bucket.tokens + (now - bucket.updated) * limit.perMinute / 60)
        bucket.updated = now
        let allowed = bucket.tokens >= 1
        if allowed { bucket.tokens -= 1 }
        buckets[client] = bucket
        // Full buckets carry no information: drop them so the table stays small under many clients.
        if buckets.count > 10_000 {
            buckets = buckets.filter { min(capacity, $0.value.tokens + (now - $0.value.updated) * limit.perMinute / 60) < capacity }
        }
        return allowed
    }
}
