import Foundation
import TrackwayStore

/// Failed console logins per client address over a sliding window (a minute unless configured),
/// counted in the database: every node sharing it counts an address's failures together, and a
/// restart forgets none. At `limit` failures an address is refused (429) until the oldest has
/// left the window.
///
/// ```swift
/// let throttle = LoginThrottle(repository: console, limit: 10, windowSeconds: 60)
/// guard try await throttle.allows(address) else { return tooManyRequests }
/// if !passwordMatches { try await throttle.recordFailure(address) }
/// ```
struct LoginThrottle: Sendable {
    let repository: any ConsoleRepository
    let limit: Int
    let windowSeconds: Double

    /// False when `address` failed `limit` times within the window before `now`.
    func allows(_ address: String, now: Date = Date()) async throws -> Bool {
        try await repository.loginFailures(from: address, after: windowStart(now)) < limit
    }

    /// Counts a failure of `address` at `now`, and forgets the failures that left the window.
    func recordFailure(_ address: String, now: Date = Date()) async throws {
        try await repository.recordLoginFailure(from: address, at: Self.milliseconds(now), forgettingUpTo: windowStart(now))
    }

    /// The latest failure time (ms) no longer in the window at `now`.
    private func windowStart(_ now: Date) -> Int64 {
        Self.milliseconds(now) - Int64((windowSeconds * 1_000).rounded())
    }

    private static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000).rounded(.down))
    }
}
