import TrackwayCore

/// Which mentions to list and in what order: the approved ones of `postIDs` (public posts only)
/// of the kinds `kinds`, with a page of `limit` after skipping `offset`.
///
/// ```swift
/// var query = MentionQuery(postIDs: [12], kinds: [.trackback, .pingback, .webmention])
/// query.receivedAfter = "2024-01-01 00:00:00"
/// let page = try await reader.mentions(query)
/// ```
public struct MentionQuery: Sendable, Equatable {
    public var postIDs: [Int]
    public var kinds: Set<CommentKind>
    /// Only those received after this UTC time (`YYYY-MM-DD HH:MM:SS`).
    public var receivedAfter: String?
    /// Only those whose id is above this one.
    public var afterID: Int?
    public var order: MentionOrder = .created
    /// Newest first when true (webmention.io's default).
    public var descending = true
    public var limit = 20
    public var offset = 0

    public init(postIDs: [Int], kinds: Set<CommentKind>) {
        self.postIDs = postIDs
        self.kinds = kinds
    }
}

/// The order of a mention list, as webmention.io's `sort-by` names it.
public enum MentionOrder: String, Sendable, CaseIterable {
    /// By the time it arrived.
    case created
    /// By the time it last changed; Trackway keeps no such time apart, so as `created`.
    case updated
    /// By the time its author published it (known for comments only; pings come after them
    /// newest first, before them oldest first), then as `created`.
    case published
}
