extension Schema {
    // The owner's console. `settings` holds values the owner sets, one row a name (the console's
    // password hash, `console-password`, an argon2id string). A session row is known by a hash of
    // its id, so a copy of the database opens no session; times are Unix seconds, computed by the
    // gateway. Failed logins are counted in `console_login_failures` (16-console-login-failures).
    static let console = """
    CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE console_sessions (
        id_hash TEXT PRIMARY KEY,
        csrf TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
    );
    CREATE INDEX console_sessions_by_expiry ON console_sessions(expires_at);
    """
}
