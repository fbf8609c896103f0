extension Schema {
    // Per-client ping counts in fixed windows, for a rate limit that holds across nodes sharing
    // a PostgreSQL database (one node on SQLite counts in memory): a row per client address,
    // its current window's start (seconds since 1970) and the pings counted in it. On
    // PostgreSQL the table is UNLOGGED: no write-ahead log for a counter, and a crash empties it,
    // which costs a client nothing but a fresh window.
    static let pingCounts = """
    CREATE TABLE ping_counts (
        client TEXT PRIMARY KEY,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL
    );
    """

    static let pingCountsOnPostgres = """
    CREATE UNLOGGED TABLE ping_counts (
        client TEXT COLLATE "C" PRIMARY KEY,
        window_start BIGINT NOT NULL,
        count BIGINT NOT NULL
    );
    """
}
