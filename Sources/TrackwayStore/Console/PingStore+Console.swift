extension PingStore {
    /// The `settings` row that holds the console's password hash.
    static let consolePasswordSetting = "console-password"

    /// The value of the setting `name`; nil when it was never set.
    func setting(_ name: String) throws -> String? {
        try database.statement("SELECT value FROM settings WHERE name = ?").firstRow(name)?.string(0)
    }

    /// Sets (or, with nil, removes) the console's password hash; every session ends either way,
    /// so a changed password shuts out whoever held the old one.
    func setConsolePassword(hash: String?) throws {
        try database.transaction {
            if let hash {
                try database.statement("INSERT INTO settings(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")
                    .run(Self.consolePasswordSetting, hash)
            } else {
                try database.statement("DELETE FROM settings WHERE name = ?").run(Self.consolePasswordSetting)
            }
            try database.statement("DELETE FROM console_sessions").run()
        }
    }

    /// The session whose id hashes to `idHash`, unless it expired by `now`.
    func consoleSession(idHash: String, now: Int64) throws -> ConsoleSession? {
        try database.statement("""
            SELECT id_hash, csrf, created_at, last_seen_at, expires_at FROM console_sessions WHERE id_hash = ? AND expires_at > ?
            """).firstRow(idHash, now).map {
            ConsoleSession(idHash: $0.string(0), csrf: $0.string(1), createdAt: Int64($0.int(2)), lastSeenAt: Int64($0.int(3)), expiresAt: Int64($0.int(4)))
        }
    }

    /// Stores `session`, ending the one whose id hashes to `replacing` (the id a browser held
    /// before signing in) and every expired one.
    func startConsoleSession(_ session: ConsoleSession, replacing: String?) throws {
        try database.transaction {
            if let replacing { try endConsoleSession(idHash: replacing) }
            try database.statement("DELETE FROM console_sessions WHERE expires_at <= ?").run(session.createdAt)
            try database.statement("""
                INSERT INTO console_sessions(id_hash, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)
                """).run(session.idHash, session.csrf, session.createdAt, session.lastSeenAt, session.expiresAt)
        }
    }

    /// Records that the session was seen at `now`, and keeps it until `expiresAt`.
    func touchConsoleSession(idHash: String, now: Int64, expiresAt: Int64) throws {
        try database.statement("UPDATE console_sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?").run(now, expiresAt, idHash)
    }

    /// How many failed logins `address` made after `after` (milliseconds since 1970).
    func consoleLoginFailures(from address: String, after: Int64) throws -> Int {
        try database.statement("SELECT count(*) FROM console_login_failures WHERE address = ? AND failed_at > ?")
            .firstRow(address, after)?.int(0) ?? 0
    }

    /// Records a failed login of `address` at `at`, and forgets every address's failures at or
    /// before `forgettingUpTo` (outside any window still counted), so the table stays small.
    func recordConsoleLoginFailure(from address: String, at: Int64, forgettingUpTo cutoff: Int64) throws {
        try database.statement("DELETE FROM console_login_failures WHERE failed_at <= ?").run(cutoff)
        try database.statement("INSERT INTO console_login_failures(address, failed_at) VALUES (?, ?)").run(address, at)
    }

    /// Ends the session whose id hashes to `idHash` (signing out).
    func endConsoleSession(idHash: String) throws {
        try database.statement("DELETE FROM console_sessions WHERE id_hash = ?").run(idHash)
    }
}
