extension PingStore {
    /// Counts a ping from `client` in the window of `windowSeconds` that holds `now` (windows
    /// start at multiples of their length since 1970), in one statement that every node may run
    /// at once; returns the window's count with this ping.
    func countPing(from client: String, windowSeconds: Int, now: Int) throws -> Int {
        try database.statement("""
            INSERT INTO ping_counts(client, window_start, count) VALUES (?, ?, 1)
            ON CONFLICT (client) DO UPDATE SET
                count = CASE WHEN ping_counts.window_start = excluded.window_start THEN ping_counts.count + 1 ELSE 1 END,
                window_start = excluded.window_start
            RETURNING count
            """).firstRow(client, Self.windowStart(holding: now, windowSeconds: windowSeconds))?.int(0) ?? 1
    }

    /// Deletes the counts of every window older than the one before `now`'s (the current and the
    /// previous window's counts stay); returns how many went.
    func forgetPingCounts(windowSeconds: Int, now: Int) throws -> Int {
        let kept = Self.windowStart(holding: now, windowSeconds: windowSeconds) - windowSeconds
        try database.statement("DELETE FROM ping_counts WHERE window_start < ?").run(kept)
        return database.changes
    }

    /// The start of the window of `windowSeconds` that holds `now`: windows start at multiples
    /// of their length since 1970.
    private static func windowStart(holding now: Int, windowSeconds: Int) -> Int {
        now - now % max(windowSeconds, 1)
    }
}
