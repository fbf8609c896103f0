import TrackwayCore

extension Store {
    /// Trackbacks, pingbacks and webmentions, newest first, optionally only those with `status`.
    ///
    /// ```swift
    /// for ping in try store.pings(status: .pending) { print(ping.sourceURL) }
    /// ```
    public func pings(status: ModerationStatus? = nil, limit: Int = 1_000) throws -> [Ping] {
        try PingStore(database: database).pings(status: status, limit: limit)
    }

    /// Sets the moderation status of the pings `ids`; returns the ids that were not pings.
    public func setStatus(_ status: ModerationStatus, ofPings ids: [Int]) throws -> [Int] {
        try PingStore(database: database).setStatus(status, ids: ids)
    }

    /// Deletes the pings `ids` (queue rows go with them); returns the ids that were not pings.
    public func deletePings(_ ids: [Int]) throws -> [Int] {
        try PingStore(database: database).delete(ids: ids)
    }
}
