extension Database {
    /// What a queue claim's inner SELECT adds so that nodes claiming at once take different
    /// rows: on PostgreSQL the rows another transaction is claiming are skipped, not waited
    /// for; nothing on SQLite, where one writer at a time claims alone.
    var claimLocking: String { isPostgres ? " FOR UPDATE SKIP LOCKED" : "" }
}
