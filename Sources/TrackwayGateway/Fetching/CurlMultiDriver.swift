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
/// of pings has passed. `FetchSlots` bounds how many transfers run at once. The drivers belong to
/// their owner's `CurlDrivers`, which stops them.
///
/// ```swift
/// drivers.driver(allowingPrivateAddresses: false, background: false, site: "blog.example").perform(easy) { code in … }
/// ```
final class CurlMultiDriver: @unchecked Sendable {
    /// A transfer handed over: its easy handle, set up and not started, and what to do when done.
    private struct Job {
        let easy: UnsafeMutableRawPointer
        let finish: @Sendable (CURLcode) -> Void
    }

    private static let globalInit: Void = { curl_global_init(Int(CURL_GLOBAL_DEFAULT)) }()

    /// Idle connections a driver keeps open at most, across its sites: with a driver per core,
    /// about as many per kind as fetches may run at once (32 by default).
    static let maxKeptConnections = 32

    private let name: String
    private let niceness: Int32
    private let lock = NSLock()
    private var submitted: [Job] = []
    private var multi: UnsafeMutableRawPointer?
    private var stopped = false
    /// Signalled by the thread as it ends.
    private let ended = DispatchSemaphore(value: 0)

    init(name: String, niceness: Int32) {
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
    /// driver's thread; `easy` is the caller's again from then on. Once the driver is stopped,
    /// `finish` is called at once with `CURLE_FAILED_INIT`.
    func perform(_ easy: UnsafeMutableRawPointer, finish: @escaping @Sendable (CURLcode) -> Void) {
        lock.lock()
        let multi = stopped ? nil : startedMulti()
        if let multi {
            submitted.append(Job(easy: easy, finish: finish))
            // Under the lock: the thread frees the handle only after taking it away under the lock.
            curl_multi_wakeup(multi)
        }
        lock.unlock()
        if multi == nil { finish(CURLE_FAILED_INIT) }
    }

    /// Stops the driver: its thread finishes the transfers still running or waiting with
    /// `CURLE_ABORTED_BY_CALLBACK`, closes the connections it kept and ends; later transfers fail
    /// at once. With `waiting`, returns once the thread has ended (never call it so from a
    /// transfer's `finish`, which runs on that thread).
    func stop(waiting: Bool) {
        lock.lock()
        stopped = true
        let started = multi != nil
        if let multi { curl_multi_wakeup(multi) }
        lock.unlock()
        guard started && waiting else { return }
        ended.wait()
        // Passed on, for any other caller waiting for the same end.
        ended.signal()
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
    /// a socket is ready, a time limit is due or `perform` wakes it. Runs until `stop`.
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
            let stopping = stopped
            if stopping { self.multi = nil }
            lock.unlock()
            if stopping {
                for job in running.values {
                    curl_multi_remove_handle(multi, job.easy)
                    job.finish(CURLE_ABORTED_BY_CALLBACK)
                }
                for job in jobs { job.finish(CURLE_ABORTED_BY_CALLBACK) }
                curl_multi_cleanup(multi)
                ended.signal()
                return
            }
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
