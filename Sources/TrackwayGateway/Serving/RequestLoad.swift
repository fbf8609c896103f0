import NIOConcurrencyHelpers

/// How many requests the server is answering at this moment, so that background queues (checks
/// of stored pings, owner notifications) step back while clients wait.
///
/// A check costs more CPU than the answer that queued it (fetching and parsing the source page,
/// then recording the outcome), and on a small host the event loops and the writer thread that
/// answer pings are the ones a check also needs. During a burst the queues therefore take one
/// item at a time, so they keep moving, and catch up at full width once the burst has passed.
///
/// ```swift
/// load.begin(); defer { load.end() }                          // around each request
/// let width = load.backgroundConcurrency(configured: 32)      // 1 while busy
/// ```
final class RequestLoad: Sendable {
    /// From this many requests in flight at once the server counts as busy.
    static let busyThreshold = 4

    private let active = NIOLockedValueBox(0)

    /// A request has arrived.
    func begin() {
        active.withLockedValue { $0 += 1 }
    }

    /// A request has been answered.
    func end() {
        active.withLockedValue { $0 -= 1 }
    }

    /// How many items of a background queue may be in progress at once: `configured` while the
    /// server is quiet, one while it is busy.
    func backgroundConcurrency(configured: Int) -> Int {
        active.withLockedValue { $0 } >= Self.busyThreshold ? min(1, configured) : configured
    }
}
