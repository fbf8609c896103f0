import TrackwayCore

/// What the console's queue shows for a `ConsoleQuery`: the rows of the page, how many pings
/// each status view holds under the same kind, site and search, and whether a next page exists.
public struct ConsoleQueueListing: Sendable, Equatable {
    public var rows: [ConsolePing]
    /// By status; a status no ping has is absent.
    public var counts: [ModerationStatus: Int]
    public var hasNextPage: Bool

    public init(rows: [ConsolePing], counts: [ModerationStatus: Int], hasNextPage: Bool) {
        self.rows = rows
        self.counts = counts
        self.hasNextPage = hasNextPage
    }

    /// The pings of every status.
    public var total: Int { counts.values.reduce(0, +) }
}
