extension PingStore {
    /// Counts a ping from `client` in the window of `windowSeconds` that holds `now` (windows
    /// start at multiples of their length since 1970), in one statement that every node may run
    /// at once; returns the window's count with this ping.
    func countPing(from client: String, windowSeconds: Int, now: Int) throws -> Int {
        let windowStart = now - now % max(windowSeconds, 1)
        return try database.statement("""
            INSERT INTO ping_counts(client, window_start, count) VALUES (?, ?, 1)
            ON CONFLICT (client) DO UPDATE SET
                count = CASE WHEN ping_counts.window_start = excluded.window_start THEN ping_counts.count + 1 ELSE 1 END,
                window_start = excluded.window_start
            RETURNING count
            """).firstRow(client, windowStart)?.int(0) ?? 1
    }

    /// Deletes the counts of windows that started before `windowStart`; returns how many went.
    func forgetPingCounts(before windowStart: Int) throws -> Int {
        try database.statement("DELETE FROM ping_counts WHERE window_start < ?").run(windowStart)
        return database.changes
    }
}
