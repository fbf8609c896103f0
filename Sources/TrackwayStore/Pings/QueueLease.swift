import Foundation

/// A node's claim on queue items (verifications, notifications, webmention requests): its owner
/// and how long it lasts. A claimed item is the owner's until the lease expires; only the owner
/// may finish or postpone it, and once the lease has expired any node may claim it again, so
/// the work of a node that died mid-check passes to another.
///
/// ```swift
/// let lease = QueueLease(owner: "node-a:4711:9f3c", seconds: 60)
/// for item in try await repository.claimVerifications(limit: 16, lease: lease) {
///     // fetch the source, then
///     try await repository.finishVerification(commentID: item.commentID, linksToPost: true, sourceTitle: nil, lease: lease)
/// }
/// ```
public struct QueueLease: Sendable, Equatable {
    /// Who holds the items: unique to one running process.
    public var owner: String
    /// Seconds a claim lasts; longer than a check can take (fetch slots, time limit, the write).
    public var seconds: Int

    public init(owner: String, seconds: Int) {
        self.owner = owner
        self.seconds = seconds
    }

    /// A lease owner unique to this process: host, process id and 64 random bits (a container
    /// restarted as pid 1 on the same host is another owner).
    public static func processOwner() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier):"
            + String(UInt64.random(in: .min ... .max), radix: 16)
    }
}
