/// How much work one of the gateway's queues holds: its items (those waiting for a retry
/// included) and when the oldest of them was received, for an operator's gauges.
///
/// ```swift
/// for backlog in try await repository.queueBacklogs() {
///     print(backlog.queue.rawValue, backlog.depth, backlog.oldestReceivedAt.map { now - $0 } ?? 0)
/// }
/// ```
public struct QueueBacklog: Sendable, Equatable {
    /// The queues a gateway works through in the background.
    public enum Queue: String, Sendable, CaseIterable {
        /// Received trackbacks whose source is still to be checked.
        case verification
        /// Owner notifications still to be delivered to `--notify-url`.
        case notification
        /// Webmention requests still to be verified.
        case webmention
    }

    public var queue: Queue
    /// Items in the queue.
    public var depth: Int
    /// When the oldest item was received, in seconds since 1970 (UTC); nil for an empty queue.
    public var oldestReceivedAt: Int?

    public init(queue: Queue, depth: Int, oldestReceivedAt: Int?) {
        self.queue = queue
        self.depth = depth
        self.oldestReceivedAt = oldestReceivedAt
    }
}
