import Foundation

/// Failed console logins per client address over the last minute, in memory (a restart forgets
/// them): at `limit` failures an address is refused (429) until the oldest is a minute old.
///
/// ```swift
/// let throttle = LoginThrottle(limit: 10)
/// guard throttle.allows(address) else { return tooManyRequests }
/// if !passwordMatches { throttle.recordFailure(address) }
/// ```
final class LoginThrottle: @unchecked Sendable {
    private let limit: Int
    private let window: Double
    private let lock = NSLock()
    /// The times of each address's failures within the window, oldest first.
    private var failures: [String: [Double]] = [:]

    init(limit: Int = 10, windowSeconds: Double = 60) {
        self.limit = limit
        self.window = windowSeconds
    }

    /// False when `address` failed `limit` times within the window.
    func allows(_ address: String, now: Double = ProcessInfo.processInfo.systemUptime) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return recent(address, now: now).count < limit
    }

    func recordFailure(_ address: String, now: Double = ProcessInfo.processInfo.systemUptime) {
        lock.lock()
        defer { lock.unlock() }
        failures[address] = recent(address, now: now) + [now]
        // Addresses whose failures are all old carry nothing: the table stays small under many clients.
        if failures.count > 10_000 {
            failures = failures.filter { $0.value.last.map { now - $0 < window } ?? false }
        }
    }

    private func recent(_ address: String, now: Double) -> [Double] {
        (failures[address] ?? []).filter { now - $0 < window }
    }
}
