import Foundation

/// Runs blocking test work (waiting for a child process, polling a file, a long `trackway` run)
/// on a thread of its own and awaits its result.
///
/// Blocking one of the few cooperative threads would starve the in-process gateways of tests
/// running at the same time; on Linux, Dispatch's global queues run on those same threads, so
/// `DispatchQueue.global().async` is no way out. Record issues after it returns: issues belong to
/// the test's task.
///
/// ```swift
/// let result = try await onOwnThread { try CommandLineHarness.trackway(["import", path]) }
/// ```
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
