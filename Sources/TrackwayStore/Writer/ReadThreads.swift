import Foundation

/// Threads that run a PostgreSQL engine's reads, each a network round trip through libpq that
/// blocks its thread, off the caller's thread: a SwiftNIO event loop that awaits one goes on
/// serving its other connections meanwhile. At most `limit` run at once (one per reader
/// connection in use); the caller continues on the `ResumptionExecutor` it names (its own
/// event loop, where it would have continued had the read run inline). Threads start as reads
/// wait and end after a while without work.
///
/// SQLite's reads do not come here: from the page cache they take microseconds, less than the
/// hand-over to a thread and back.
///
/// ```swift
/// let threads = ReadThreads(limit: 4)
/// let count = try await threads.run(resumingOn: nil) { try database.statement("SELECT 1").firstRow()?.int(0) }
/// ```
final class ReadThreads: @unchecked Sendable {
    /// Threads at most, and so reads at once and reader connections in use.
    let limit: Int
    /// Seconds a thread waits for work before it ends.
    private static let idleSeconds = 30.0
    private let condition = NSCondition()
    /// The jobs waiting, oldest at `head`.
    private var jobs: [@Sendable () -> Void] = []
    private var head = 0
    private var threads = 0
    private var idle = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Runs `body` on one of the threads; returns its result on `executor` (at once on the
    /// thread that ran it when there is none).
    func run<T: Sendable>(resumingOn executor: (any ResumptionExecutor)?, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit {
                let result = Result { try body() }
                guard let executor else { return continuation.resume(with: result) }
                executor.run { continuation.resume(with: result) }
            }
        }
    }

    private func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        let starts = jobs.count - head > idle && threads < limit
        if starts { threads += 1 }
        condition.signal()
        condition.unlock()
        guard starts else { return }
        // Named from inside (on Linux a name set before `start()` does not reach the thread), in
        // at most 15 characters.
        Thread { [self] in
            Thread.current.name = "trackway.reader"
            work()
        }.start()
    }

    private func work() {
        condition.lock()
        while true {
            while head == jobs.count {
                idle += 1
                let woken = condition.wait(until: Date(timeIntervalSinceNow: Self.idleSeconds))
                idle -= 1
                if !woken && head == jobs.count {
                    threads -= 1
                    condition.unlock()
                    return
                }
            }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            } else if head >= 256, head * 2 >= jobs.count {
                // Under steady load the queue may never run empty: the jobs done go now and then,
                // or the array would keep every one (and what it holds) for as long as the load lasts.
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
