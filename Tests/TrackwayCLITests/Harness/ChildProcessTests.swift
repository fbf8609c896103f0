import Foundation
import Testing
import TrackwayTesting

@Suite("the tests' process harness")
struct ChildProcessTests {
    /// Foundation's `waitUntilExit` returns only once every process holding a socket the child
    /// inherited has closed it, here the grandchild 30 seconds later; tests starting children
    /// from many threads leak such sockets into each other's children, and a run hung on it.
    @Test("a run ends when the child exits, not when a process that inherited its descriptors does")
    func runEndsAtChildExit() throws {
        let result = try ChildProcess.run(URL(fileURLWithPath: "/bin/sh"), ["-c", "sleep 30 & echo $!; exit 3"])
        let grandchild = try #require(pid_t(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(grandchild, SIGKILL) }
        #expect(result.status == 3)
        #expect(Self.isRunning(grandchild), "the run waited for the grandchild to end")
    }

    /// Whether `pid` exists and is not a zombie (an orphan's zombie may linger unreaped here).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let afterName = stat.range(of: ") ", options: .backwards) else { return false }
        return stat[afterName.upperBound...].first != "Z"
    }

    @Test("a child that outlives its time limit is killed, and the run throws with its command line")
    func timeLimit() throws {
        let started = ContinuousClock.now
        #expect(throws: ChildProcessTimeout.self) {
            try ChildProcess.run(URL(fileURLWithPath: "/bin/sleep"), ["30"], timeLimit: .milliseconds(300))
        }
        // Killed, not waited for: the run ended long before the child's 30 seconds.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test("a child killed by a signal reports the signal, as terminationStatus does")
    func killedChild() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sleep")
        process.arguments = ["30"]
        try process.run()
        #expect(!process.hasExited)
        kill(process.processIdentifier, SIGKILL)
        #expect(process.waitForExit() == SIGKILL)
        #expect(process.hasExited)
    }
}
