import TrackwayCore

/// How many approved mentions of each kind some public posts hold.
public struct MentionCounts: Sendable, Equatable {
    public var byKind: [CommentKind: Int]

    public init(byKind: [CommentKind: Int] = [:]) {
        self.byKind = byKind
    }

    public var total: Int { byKind.values.reduce(0, +) }
}
