import Foundation
import Testing
@testable import TrackwayGateway

/// How the gateway schedules its blocking work: fetch slots (foreground before background),
/// reused threads that never make one call wait for another, and answers kept for a while.
@Suite struct FetchSchedulingTests {
    /// Records the order things happened in, across tasks.
    private actor Log {
        private(set) var entries: [String] = []
        func append(_ entry: String) { entries.append(entry) }
    }

    /// Holds a task until `open()`.
    private actor Gate {
        private var isOpen = false
        private var waiters: [CheckedContinuation<Void, Never>] = []
        func wait() async {
            if isOpen { return }
            await withCheckedContinuation { waiters.append($0) }
        }
        func open() {
            isOpen = true
            for waiter in waiters { waiter.resume() }
            waiters = []
        }
    }

    @Test("a waiting foreground fetch (a pingback's client is waiting) gets the host's next slot before an older background one")
    func foregroundFirst() async throws {
        let slots = FetchSlots(total: 8, perHost: 1)
        let log = Log()
        let gate = Gate()
        let holder = Task { try await slots.run(host: "site.example", background: true) { await log.append("holder"); await gate.wait() } }
        while await log.entries.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let background = Task { try await slots.run(host: "site.example", background: true) { await log.append("background") } }
        try await Task.sleep(for: .milliseconds(100))
        let foreground = Task { try await slots.run(host: "site.example", background: false) { await log.append("foreground") } }
        try await Task.sleep(for: .milliseconds(100))
        // Another host is not held up by the busy one.
        try await slots.run(host: "other.example", background: true) { await log.append("other host") }
        #expect(await log.entries == ["holder", "other host"])
        await gate.open()
        try await holder.value
        try await foreground.value
        try await background.value
        #expect(await log.entries == ["holder", "other host", "foreground", "background"])
    }

    @Test("a blocked call on the fetch threads does not hold up the next one, and a thread is reused once free")
    func blockedCallDoesNotWait() async throws {
        // A pool of its own: the shared ones serve the other tests' servers meanwhile.
        let pool = BlockingThreads(name: "test.blocking", niceness: 10)
        let release = DispatchSemaphore(value: 0)
        // If the second call waited for the first, nothing else would release it: give up after 20 s.
        let safety = Thread { _ = release.wait(timeout: .now() + 20); release.signal() }
        let blocked = Task { try await pool.run { _ = release.wait(timeout: .now() + 30) } }
        try await Task.sleep(for: .milliseconds(50))
        let started = ContinuousClock.now
        let second = try await pool.run { 42 }
        #expect(second == 42)
        #expect(ContinuousClock.now - started < .seconds(10))
        release.signal()
        _ = try await blocked.value
        safety.cancel()
        // One call after another: the same few threads, at background priority.
        var threads = Set<UInt>()
        for _ in 0..<20 {
            let (thread, niceness) = try await pool.run {
                (UInt(pthread_self()), getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0))
            }
            threads.insert(thread)
            #expect(niceness == 10)
        }
        #expect(threads.count <= 2, "\(threads.count) threads for 20 calls made one at a time")
    }

    @Test("a kept answer is reused until its lifetime ends, and all answers go when the capacity is reached")
    func expiringCache() {
        let cache = ExpiringCache<Int>(lifetime: 2, capacity: 2)
        var computed = 0
        func value(_ key: String, at now: Double) -> Int {
            cache.value(for: key, now: now) { computed += 1; return computed }
        }
        #expect(value("a", at: 100) == 1)
        #expect(value("a", at: 101.9) == 1)
        #expect(value("b", at: 101.9) == 2)
        // Two kept: the third key drops both.
        #expect(value("c", at: 101.9) == 3)
        #expect(value("a", at: 101.9) == 4)
        // Two seconds after the oldest kept answer was asked for, every answer is asked again.
        #expect(value("a", at: 103.9) == 5)
        #expect(value("c", at: 103.9) == 6)
    }
}
