import Foundation

/// Copies the write-ahead log back into the database file on a thread and connection of its
/// own, so the server's writer never stops for it.
///
/// Left to SQLite, the commit that takes the log past 1,000 pages runs the checkpoint itself:
/// 4 MB copied and synced to disk inside a commit, with every ping queued behind it waiting.
/// Under load that happened about once a second. Here a passive checkpoint runs every
/// `interval` beside the writer (WAL lets the two work at once), and the writer's own automatic
/// checkpoint is only a backstop for a log this thread cannot keep small.
///
/// ```swift
/// let checkpointer = try WALCheckpointer(path: "trackway.sqlite")
/// defer { checkpointer.close() }
/// ```
final class WALCheckpointer: @unchecked Sendable {
    /// Time between checkpoints.
    static let interval = 0.25
    /// Log size, in pages, at which the writer checkpoints after all (SQLite's default is 1,000).
    static let writerBackstopPages = 16_384

    private let database: Database
    private let condition = NSCondition()
    private var stopping = false
    private var finished = false

    init(path: String) throws {
        database = try Database(path: path)
        let thread = Thread { [self] in
            // Named from inside: on Linux a name set before `start()` does not reach the thread.
            Thread.current.name = "trackway.wal"
            run()
        }
        thread.start()
    }

    /// Stops the thread after its current checkpoint and waits for it.
    func close() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !finished { condition.wait() }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while !stopping {
            _ = condition.wait(until: Date(timeIntervalSinceNow: Self.interval))
            if stopping { break }
            condition.unlock()
            // Busy or partial checkpoints are normal (readers on old pages): the next one goes on.
            database.checkpointPassively()
            condition.lock()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
