/// Where a caller of the gateway's writer continues once its write has committed, so that it
/// need not continue on the writer's thread: the gateway's event loop (`ResumePoint`), which
/// keeps a connection's reads and writes on one thread.
///
/// The writer hands all of one executor's resumptions over in one `run` per committed batch.
///
/// ```swift
/// struct Inline: ResumptionExecutor {
///     var executorID: ObjectIdentifier? { nil }          // resumed on the writer thread
///     func run(_ resumptions: @escaping @Sendable () -> Void) { resumptions() }
/// }
/// ```
public protocol ResumptionExecutor: Sendable {
    /// Identifies the thread resumptions run on, so that many of one thread's go over together;
    /// nil when there is none (the writer then resumes the caller itself, at once).
    var executorID: ObjectIdentifier? { get }

    /// Runs `resumptions` (continuation resumes) on that thread.
    func run(_ resumptions: @escaping @Sendable () -> Void)
}
