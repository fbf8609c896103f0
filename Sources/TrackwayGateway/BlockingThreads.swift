import Foundation

/// Threads for calls that block (libcurl transfers, parsing a fetched page), kept for reuse:
/// starting a thread for each transfer cost more than the transfer itself on a busy server.
///
/// A call never waits for another to finish: when every kept thread is busy a new one starts, so
/// a silent source stalls only its own call (callers bound how many run at once, as `FetchSlots`
/// does). Threads left idle for a minute end.
///
/// `background` threads run at the lowest scheduling priority (Linux's `SCHED_IDLE`): the checks
/// that follow a stored ping then take only the CPU time the server's answers leave over, and
/// catch up once a burst of pings has passed, instead of slowing every answer during it. (At
/// nice 10 each thread still weighed a tenth of an event loop, and 32 checks at once outweighed
/// both loops.) `FetchSlots` keeps them from holding every fetch slot meanwhile.
///
/// ```swift
/// let page = try await BlockingThreads.foreground.run { try fetchBlocking(url) }
/// ```
final class BlockingThreads: @unchecked Sendable {
    /// For work a client is waiting on (a pingback's source fetch).
    static let foreground = BlockingThreads(name: "trackway.fetch", idlePriority: false)
    /// For work nobody waits on (verifying a stored trackback or webmention, notifying the owner).
    static let background = BlockingThreads(name: "trackway.verify", idlePriority: true)

    private static let idleSeconds = 60.0
    private let name: String
    private let idlePriority: Bool
    private let condition = NSCondition()
    private var pending: [() -> Void] = []
    private var idle = 0

    /// Linux's `SCHED_IDLE` policy (`<linux/sched.h>`), which Glibc's module leaves out.
    static let idleSchedulingPolicy: Int32 = 5

    /// A pool of its own (the server uses the two shared ones); with `idlePriority` its threads
    /// run only when the CPU has nothing else to do.
    init(name: String, idlePriority: Bool) {
        self.name = name
        self.idlePriority = idlePriority
    }

    /// Runs `body` on one of the threads and returns what it returned or threw.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            submit { continuation.resume(with: Result(catching: body)) }
        }
    }

    private func submit(_ job: @escaping () -> Void) {
        condition.lock()
        pending.append(job)
        // Idle threads not already promised to an earlier pending job.
        let spare = idle - (pending.count - 1)
        if spare > 0 { condition.signal() }
        condition.unlock()
        if spare <= 0 { startThread() }
    }

    private func startThread() {
        let thread = Thread { [self] in
            // Named from inside: on Linux a name set before `start()` does not reach the thread.
            Thread.current.name = name
            #if os(Linux)
            if idlePriority {
                var parameters = sched_param(sched_priority: 0)
                _ = pthread_setschedparam(pthread_self(), Self.idleSchedulingPolicy, &parameters)
            }
            #endif
            work()
        }
        thread.start()
    }

    private func work() {
        condition.lock()
        while true {
            while pending.isEmpty {
                idle += 1
                let woken = condition.wait(until: Date(timeIntervalSinceNow: Self.idleSeconds))
                idle -= 1
                if !woken, pending.isEmpty {
                    condition.unlock()
                    return
                }
            }
            let job = pending.removeFirst()
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
