/// An open transaction, or a savepoint inside one: the store's one way to group writes. End it
/// with exactly one of `commit()` or `rollback()`.
///
/// ```swift
/// let transaction = try database.beginTransaction()   // BEGIN IMMEDIATE, or SAVEPOINT inside one
/// do { try write(); try transaction.commit() } catch { try? transaction.rollback(); throw error }
/// ```
///
/// `Database.transaction(_:)` does that around a closure; sessions that span many calls (an
/// import's batch, the gateway writer's group commit) hold the value themselves.
struct Transaction {
    private let database: Database
    /// True when it is a savepoint inside a transaction that was already open.
    let isSavepoint: Bool

    fileprivate init(database: Database, isSavepoint: Bool) {
        self.database = database
        self.isSavepoint = isSavepoint
    }

    /// Makes its writes part of the enclosing transaction (a savepoint) or durable (a transaction).
    func commit() throws {
        try database.statement(isSavepoint ? "RELEASE nested" : "COMMIT").run()
    }

    /// Undoes its writes; a savepoint's enclosing transaction carries on.
    func rollback() throws {
        try database.execute(isSavepoint ? "ROLLBACK TO nested; RELEASE nested" : "ROLLBACK")
    }
}

extension Database {
    /// Opens a transaction that takes the write lock at once on SQLite (`BEGIN IMMEDIATE`,
    /// waiting up to the busy timeout for another writer; PostgreSQL's writers lock rows, not the
    /// database), or a savepoint when one is open on this connection.
    func beginTransaction() throws -> Transaction {
        let nested = isInTransaction
        // Prepared once and kept, like every statement: the gateway's writer opens two savepoints per ping.
        try statement(nested ? "SAVEPOINT nested" : isPostgres ? "BEGIN" : "BEGIN IMMEDIATE").run()
        return Transaction(database: self, isSavepoint: nested)
    }

    /// Makes the open transaction wait for every other import's batch to end, and hold off the
    /// next ones until it ends: one writer at a time, as SQLite's `BEGIN IMMEDIATE` already is.
    /// On PostgreSQL a transaction's advisory lock does it, so two imports of one export at once
    /// never both insert its new rows (the second finds them, as on SQLite).
    func lockForImport() throws {
        guard isPostgres else { return }
        try statement("SELECT pg_advisory_xact_lock(?)").run(Self.importLockKey)
    }

    /// The key of the imports' advisory lock ("trackimp" in ASCII).
    private static let importLockKey: Int64 = 0x7472_6163_6B69_6D70

    /// Runs `body` inside `BEGIN IMMEDIATE … COMMIT`; rolls back if it throws. Inside a
    /// transaction already open on this connection it runs in a savepoint instead, so a failing
    /// body undoes only its own writes and the outer transaction carries on.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        let transaction = try beginTransaction()
        do {
            let result = try body()
            try transaction.commit()
            return result
        } catch {
            try? transaction.rollback()
            throw error
        }
    }
}
