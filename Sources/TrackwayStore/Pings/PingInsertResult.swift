/// What storing a ping did.
public enum PingInsertResult: Sendable, Equatable {
    /// Stored under this comment id.
    case inserted(Int)
    /// The post already has a comment from that source URL; nothing was stored.
    case duplicate
}
