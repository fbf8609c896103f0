import NIOCore
import NIOPosix

extension Gateway {
    /// Makes NIO's event loop threads run Swift Concurrency's jobs too, so a request's handler
    /// runs on the thread that read it instead of hopping to the cooperative pool and back (on
    /// two cores that hop costs more than answering a ping). Call it once, on the main actor,
    /// before the server starts: it swaps Swift's global-executor hook, so every job enqueued from
    /// then on runs on a loop (tasks running already move there at their next resumption).
    /// Returns false where the runtime does not allow it.
    @discardableResult
    public static func runSwiftTasksOnEventLoops() -> Bool {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    }
}
