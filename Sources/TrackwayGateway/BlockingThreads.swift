import Foundation

/// Threads for calls that block (libcurl transfers, parsing a fetched page), kept for reuse:
/// starting a thread for each transfer cost more than the transfer itself on a busy server.
///
/// A call never waits for another to finish: when every kept thread is busy a new one starts, so
/// a silent source stalls only its own call (callers bound how many run at once, as `FetchSlots`
/// does). Threads left idle for a minute end.
///
/// `background` threads run at the lowest nice value (19): the checks that follow a stored ping
/// then take little more than the CPU time the server's answers leave over, and catch up once a
/// burst of pings has passed, instead of slowing every answer during it. (At nice 10 each thread
/// weighed a tenth of an event loop, so 32 checks at once outweighed both loops; `SCHED_IDLE`
/// would let any other process on the host starve them.) `FetchSlots` keeps them from holding
/// every fetch slot meanwhile.
///
/// ```swift
/// let page = try await BlockingThreads.foreground.run { try fetchBlocking(url) }
/// ```
final class BlockingThreads: @unchecked Sendable {
    /// For work a client is waiting on (a pingback's source fetch).
    static let foreground = BlockingThreads(name: "trackway.fetch", niceness: 0)
    /// For work nobody waits on (verifying a stored trackback or webmention, notifying the owner).
    static let background = BlockingThreads(name: "trackway.verify", niceness: 19)

    private static let idleSeconds = 60.0
    private let name: String
    private let niceness: Int32
    private let condition = NSCondition()
    private var pending: [() -> Void] = []
    private var idle = 0

    /// A pool of its own (the server uses the two shared ones); its threads run at `niceness`.
    init(name: String, niceness: Int32) {
        self.name = name
        self.niceness = niceness
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
            // On Linux the nice value belongs to each thread, and `who` 0 names the calling one.
            if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
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
