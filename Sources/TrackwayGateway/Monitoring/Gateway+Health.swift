import Foundation
import TrackwayStore

extension Gateway {
    /// How long `/healthz` waits for the database before it calls the node unhealthy.
    static let healthDeadline: Duration = .seconds(2)

    /// Nil when the store answers its health check (`PingRepository.checkHealth`) within
    /// `deadline`; else why not. The wait ends at the deadline even when the check itself cannot
    /// be interrupted (a SQLite read blocked on a lock, a connection to a host that went away):
    /// the check is left to finish on its own.
    func databaseProblem(within deadline: Duration = healthDeadline) async -> String? {
        await withCheckedContinuation { continuation in
            let answer = FirstAnswer(continuation)
            let timer = Task {
                try? await Task.sleep(for: deadline)
                answer.give("no answer within \(deadline)")
            }
            Task {
                do {
                    try await store.checkHealth()
                    answer.give(nil)
                } catch {
                    answer.give("\(error)")
                }
                timer.cancel()
            }
        }
    }
}

/// Resumes a continuation with the first answer given and ignores the later ones.
private final class FirstAnswer: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<String?, Never>?

    init(_ continuation: CheckedContinuation<String?, Never>) {
        self.continuation = continuation
    }

    func give(_ answer: String?) {
        lock.lock()
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: answer)
    }
}
