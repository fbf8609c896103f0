import Foundation
import Testing
@testable import TrackwayGateway

/// How the gateway schedules its fetches: fetch slots (foreground before background), and
/// answers kept for a while.
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

    @Test("background fetches never take the last quarter of the slots: a foreground fetch starts while they are all busy")
    func foregroundReserve() async throws {
        let slots = FetchSlots(total: 8, perHost: 8)
        let log = Log()
        let gate = Gate()
        var held: [Task<Void, Error>] = []
        for index in 0..<8 {
            held.append(Task { try await slots.run(host: "site\(index).example", background: true) { await log.append("background"); await gate.wait() } })
        }
        while await log.entries.count < 6 { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(await log.entries.count == 6, "6 of 8 slots at most for background fetches")
        try await slots.run(host: "client.example", background: false) { await log.append("foreground") }
        #expect(await log.entries.last == "foreground")
        await gate.open()
        for task in held { try await task.value }
        #expect(await log.entries.filter { $0 == "background" }.count == 8)
    }

    @Test("a kept answer is reused until its lifetime ends, and all answers go when the capacity is reached")
    func expiringCache() async {
        let cache = ExpiringCache<Int>(lifetime: 2, capacity: 2)
        var computed = 0
        func value(_ key: String, at now: Double) async -> Int {
            await cache.value(for: key, now: now) { computed += 1; return computed }
        }
        #expect(await value("a", at: 100) == 1)
        #expect(await value("a", at: 101.9) == 1)
        #expect(await value("b", at: 101.9) == 2)
        // Two kept: the third key drops both.
        #expect(await value("c", at: 101.9) == 3)
        #expect(await value("a", at: 101.9) == 4)
        // Two seconds after the oldest kept answer was asked for, every answer is asked again.
        #expect(await value("a", at: 103.9) == 5)
        #expect(await value("c", at: 103.9) == 6)
    }
}
