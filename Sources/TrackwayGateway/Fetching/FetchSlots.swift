/// Bounds the fetches the server makes at once: in all, and per host. A flood of pings naming
/// one victim's pages (the 2014 pingback reflection attacks) then costs that host at most
/// `perHost` connections at a time, and the server at most `total`, however fast pings arrive;
/// the others wait their turn. A foreground fetch (a client is waiting for it) takes the next
/// free slot before any background one (checking an already stored ping), and a quarter of the
/// slots are kept for foreground fetches: background checks, which run at the lowest CPU
/// priority and may be slow to finish on a busy server, never hold every slot.
///
/// ```swift
/// let slots = FetchSlots(total: 32, perHost: 4)
/// let page = try await slots.run(host: "victim.example", background: false) { try await fetch() }
/// ```
actor FetchSlots {
    private let total: Int
    private let perHost: Int
    private var running = 0
    private var runningInBackground = 0
    private var runningByHost: [String: Int] = [:]
    private var waiting: [(host: String, background: Bool, resume: CheckedContinuation<Void, Never>)] = []

    init(total: Int, perHost: Int) {
        self.total = total
        self.perHost = perHost
    }

    /// Background fetches running at once at most.
    private var backgroundLimit: Int { max(1, total - total / 4) }

    /// Runs `body` once a slot for `host` is free, and frees it afterwards.
    func run<T: Sendable>(host: String, background: Bool, _ body: @Sendable () async throws -> T) async throws -> T {
        await acquire(host, background: background)
        do {
            let result = try await body()
            release(host, background: background)
            return result
        } catch {
            release(host, background: background)
            throw error
        }
    }

    private func acquire(_ host: String, background: Bool) async {
        if isFree(host, background: background) {
            take(host, background: background)
            return
        }
        await withCheckedContinuation { waiting.append((host, background, $0)) }
    }

    private func release(_ host: String, background: Bool) {
        running -= 1
        if background { runningInBackground -= 1 }
        runningByHost[host, default: 1] -= 1
        if runningByHost[host] == 0 { runningByHost[host] = nil }
        // Wake the oldest foreground waiter that may now run, else the oldest background one;
        // the slot passes straight to it. The scan stops at the first foreground one.
        var oldestBackground: Int?
        var oldestForeground: Int?
        for index in waiting.indices where isFree(waiting[index].host, background: waiting[index].background) {
            if !waiting[index].background {
                oldestForeground = index
                break
            }
            if oldestBackground == nil { oldestBackground = index }
        }
        if let next = oldestForeground ?? oldestBackground {
            let waiter = waiting.remove(at: next)
            take(waiter.host, background: waiter.background)
            waiter.resume.resume()
        }
    }

    private func isFree(_ host: String, background: Bool) -> Bool {
        running < total && runningByHost[host, default: 0] < perHost && (!background || runningInBackground < backgroundLimit)
    }

    private func take(_ host: String, background: Bool) {
        running += 1
        if background { runningInBackground += 1 }
        runningByHost[host, default: 0] += 1
    }
}
