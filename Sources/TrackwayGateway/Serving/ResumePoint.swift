import NIOCore
import NIOPosix
import TrackwayStore

/// The event loop a task was running on when it handed work to another thread, so it resumes
/// there. The server runs Swift tasks on NIO's event loops (`Gateway.runSwiftTasksOnEventLoops`);
/// a continuation resumed from a thread that is not a loop goes to whichever loop NIO's global
/// executor picks next, round robin, and the connection's reads and writes then cross between
/// the two loops. On two cores those crossings cost more than storing the ping.
///
/// It pays for a request handled on its connection's loop, as a trackback is (8% less CPU per
/// trackback). A pingback has already left that loop for the fetch; pinning it made its
/// resumptions arrive in bursts per loop and its p99 at 64 connections went from 27 to 36-58 ms,
/// so pingbacks keep NIO's round robin.
///
/// ```swift
/// let resumePoint = ResumePoint.current                 // on the event loop, before suspending
/// worker.start { result in resumePoint.run { continuation.resume(with: result) } }
/// ```
///
/// The store's writer takes it as its `ResumptionExecutor`. It holds one class reference, so it
/// fits an existential's inline buffer: handing it over allocates nothing.
struct ResumePoint: ResumptionExecutor {
    private let loop: (any EventLoop)?

    /// The calling thread's event loop; none off the loops (then `run` runs at once).
    static var current: ResumePoint {
        ResumePoint(loop: MultiThreadedEventLoopGroup.currentEventLoop)
    }

    /// Identifies the loop, to resume many tasks of one loop with one hand-over.
    var executorID: ObjectIdentifier? {
        loop.map { ObjectIdentifier($0) }
    }

    /// Runs `resumptions` (continuation resumes) on the loop, or at once without one.
    func run(_ resumptions: @escaping @Sendable () -> Void) {
        guard let loop else { return resumptions() }
        loop.execute(resumptions)
    }
}
