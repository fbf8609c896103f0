import Foundation

/// Exit status asked of the kernel.
///
/// Foundation's `waitUntilExit`, `isRunning` and `terminationStatus` learn of a child's exit
/// only when a socket the child inherited reaches its end, that is once every process holding it
/// has closed it: the child's own children too (`sh -c "sleep 30 & exit 3"` is waited for 30
/// seconds), and a child that another thread spawned at the same moment can inherit it as well.
/// A parallel test run hung on such a wait. These ask `waitid` instead (with `WNOWAIT`: the child
/// stays for Foundation to reap).
extension Process {
    /// Blocks until the child has exited; its exit code, or the number of the signal that
    /// killed it (what `terminationStatus` would say).
    ///
    /// ```swift
    /// try process.run()
    /// #expect(process.waitForExit() == 0)
    /// ```
    @discardableResult
    public func waitForExit() -> Int32 {
        exitStatus(waiting: true) ?? 0
    }

    /// Whether the child has exited (a zombie counts: it runs no more).
    public var hasExited: Bool {
        exitStatus(waiting: false) != nil
    }

    private func exitStatus(waiting: Bool) -> Int32? {
        while true {
            var info = siginfo_t()
            let options = WEXITED | WNOWAIT | (waiting ? 0 : WNOHANG)
            if waitid(P_PID, id_t(processIdentifier), &info, options) == 0 {
                // With WNOHANG, a child still running leaves the record empty.
                return info._sifields._sigchld.si_pid == 0 ? nil : info._sifields._sigchld.si_status
            }
            if errno == EINTR { continue }
            // ECHILD: Foundation has reaped the child and is about to record its status.
            while isRunning { usleep(1_000) }
            return terminationStatus
        }
    }
}
