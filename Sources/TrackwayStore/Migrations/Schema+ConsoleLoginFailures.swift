extension Schema {
    // Failed console logins, a row each (the client's address, and when, in milliseconds since
    // 1970), kept for the login throttle's window: in the database, so that every node sharing it
    // counts an address's failures together and a restart forgets none.
    static let consoleLoginFailures = """
    CREATE TABLE console_login_failures (
        id INTEGER PRIMARY KEY,
        address TEXT NOT NULL,
        failed_at INTEGER NOT NULL
    );
    CREATE INDEX console_login_failures_by_address ON console_login_failures(address, failed_at);
    """
}
