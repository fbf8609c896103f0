import CCurl
import Foundation

/// A thread that runs many libcurl transfers at once through a multi handle, each transfer set up
/// by its caller and finished (its page read) on this thread. Each kind of transfer has one
/// driver per core, each serving its share of the sites, so pages from several sites are read on
/// every core at once.
///
/// A few threads waiting on all the sockets cost less than a thread per transfer blocked in its
/// own `curl_easy_perform`: on a busy server with two cores, 32 fetch threads woken one by one
/// spent about a fifth of their time switching. A silent source still holds up only itself, since
/// libcurl enforces each transfer's time limits while the others go on.
///
/// A multi handle keeps the connections its transfers leave open, so the next fetch from a site,
/// which goes to the same driver, reuses one (HTTP keep-alive, and the TLS session for https). A
/// kept connection is used again without passing the open-socket callback that vets addresses, so
/// it may only serve fetches under the policy that vetted it: each address policy has drivers of
/// its own, and a connection opened with private addresses allowed never carries a fetch that
/// forbids them.
///
/// Background drivers run at the lowest nice value (19): the checks that follow a stored ping then
/// take little more than the CPU time the server's answers leave over, and catch up once a burst
/// of pings has passed. `FetchSlots` bounds how many transfers run at once.
///
/// ```swift
/// CurlMultiDriver.shared(allowingPrivateAddresses: false, background: false, site: "blog.example").perform(easy) { code in … }
/// ```
final class CurlMultiDriver: @unchecked Sendable {
    /// A transfer handed over: its easy handle, set up and not started, and what to do when done.
    private struct Job {
        let easy: UnsafeMutableRawPointer
        let finish: @Sendable (CURLcode) -> Void
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Drivers of each kind: one per core, so pages are read on every core at once.
    private static let perKind = max(2, ProcessInfo.processInfo.activeProcessorCount)
    private static let foregroundPublic = (0..<perKind).map { _ in CurlMultiDriver(name: "trackway.fetch", niceness: 0) }
    private static let foregroundPrivate = (0..<perKind).map { _ in CurlMultiDriver(name: "trackway.fetch", niceness: 0) }
    private static let backgroundPublic = (0..<perKind).map { _ in CurlMultiDriver(name: "trackway.verify", niceness: 19) }
    private static let backgroundPrivate = (0..<perKind).map { _ in CurlMultiDriver(name: "trackway.verify", niceness: 19) }

    /// The driver for a transfer from `site` (any stable name of it, such as its host) under an
    /// address policy, at foreground or background priority. A site always gets the same one of
    /// its kind's drivers, which keeps its open connections. A driver's thread starts with its
    /// first transfer.
    static func shared(allowingPrivateAddresses: Bool, background: Bool, site: String) -> CurlMultiDriver {
        let drivers = switch (allowingPrivateAddresses, background) {
        case (false, false): foregroundPublic
        case (true, false): foregroundPrivate
        case (false, true): backgroundPublic
        case (true, true): backgroundPrivate
        }
        return drivers[Int(UInt(bitPattern: site.hashValue) % UInt(perKind))]
    }

    /// Idle connections a driver keeps open at most, across its sites: with a driver per core,
    /// about as many per kind as fetches may run at once (32 by default).
    static let maxKeptConnections = 32

    private let name: String
    private let niceness: Int32
    private let lock = NSLock()
    private var submitted: [Job] = []
    private var multi: UnsafeMutableRawPointer?

    private init(name: String, niceness: Int32) {
        self.name = name
        self.niceness = niceness
    }

    /// A new easy handle with libcurl's defaults, for a caller to set up and pass to `perform`;
    /// nil when libcurl could not make one.
    static func makeEasyHandle() -> UnsafeMutableRawPointer? {
        _ = globalInit
        return curl_easy_init()
    }

    /// Runs the transfer `easy` (set up, not started) and calls `finish` with its result on the
    /// driver's thread; `easy` is the caller's again from then on.
    func perform(_ easy: UnsafeMutableRawPointer, finish: @escaping @Sendable (CURLcode) -> Void) {
        lock.lock()
        let multi = startedMulti()
        if multi != nil { submitted.append(Job(easy: easy, finish: finish)) }
        lock.unlock()
        guard let multi else { return finish(CURLE_FAILED_INIT) }
        curl_multi_wakeup(multi)
    }

    /// The multi handle, made and its thread started on first use; call with `lock` held.
    private func startedMulti() -> UnsafeMutableRawPointer? {
        if let multi { return multi }
        _ = Self.globalInit
        guard let made = curl_multi_init() else { return nil }
        _ = ccurl_multi_setopt_long(made, CURLMOPT_MAXCONNECTS, Self.maxKeptConnections)
        multi = made
        let thread = Thread { [self] in
            // Named from inside: on Linux a name set before `start()` does not reach the thread.
            Thread.current.name = name
            #if os(Linux)
            // On Linux the nice value belongs to each thread, and `who` 0 names the calling one.
            if niceness != 0 { _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness) }
            #endif
            run()
        }
        thread.start()
        return made
    }

    /// Adds what was submitted, moves every transfer on, finishes the done ones, then sleeps until
    /// a socket is ready, a time limit is due or `perform` wakes it. Runs for the process's life.
    private func run() {
        lock.lock()
        let multi = multi
        lock.unlock()
        guard let multi else { return }
        var running: [UnsafeMutableRawPointer: Job] = [:]
        while true {
            lock.lock()
            let jobs = submitted
            submitted = []
            lock.unlock()
            for job in jobs {
                if curl_multi_add_handle(multi, job.easy) == CURLM_OK {
                    running[job.easy] = job
                } else {
                    job.finish(CURLE_FAILED_INIT)
                }
            }
            var active: Int32 = 0
            _ = curl_multi_perform(multi, &active)
            var left: Int32 = 0
            while let message = curl_multi_info_read(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle else { continue }
                let result = message.pointee.data.result
                curl_multi_remove_handle(multi, easy)
                running.removeValue(forKey: easy)?.finish(result)
            }
            _ = curl_multi_poll(multi, nil, 0, 1000, nil)
        }
    }
}
