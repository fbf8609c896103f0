import Foundation

/// Copies the write-ahead log back into the database file on a thread and connection of its
/// own, so the writer never stops for it.
///
/// Left to SQLite, the commit that takes the log past 1,000 pages runs the checkpoint itself:
/// 4 MB copied and synced to disk inside a commit, with every ping queued behind it waiting.
/// Under load that happened about once a second. Here a passive checkpoint runs every
/// `interval` beside the writer (WAL lets the two work at once), and the writer's own automatic
/// checkpoint is only a backstop for a log this thread cannot keep small. Without an interval
/// (an import's, `ImportCheckpointing`) it checkpoints when `request()` asks.
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
    private let interval: Double?
    private let condition = NSCondition()
    /// Held while a checkpoint runs, this thread's or one `checkpoint(on:waiting:)` runs.
    private let running = NSLock()
    private var requested = false
    private var stopping = false
    private var finished = false

    /// Checkpoints the file at `path` every `interval` seconds, or with none only on request.
    init(path: String, interval: Double? = WALCheckpointer.interval) throws {
        database = try Database(path: path)
        self.interval = interval
        let thread = Thread { [self] in
            // Named from inside: on Linux a name set before `start()` does not reach the thread.
            Thread.current.name = "trackway.wal"
            run()
        }
        thread.start()
    }

    /// Asks for a checkpoint now (one already asked for and not yet begun counts once).
    func request() {
        condition.lock()
        requested = true
        condition.signal()
        condition.unlock()
    }

    /// Checkpoints passively on `writer`'s connection, unless this thread is in the middle of a
    /// checkpoint; with `waiting`, after that one ends.
    func checkpoint(on writer: Database, waiting: Bool) {
        if waiting { running.lock() } else if !running.try() { return }
        writer.checkpointPassively()
        running.unlock()
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
            if !requested {
                if let interval {
                    _ = condition.wait(until: Date(timeIntervalSinceNow: interval))
                } else {
                    condition.wait()
                }
            }
            if stopping { break }
            requested = false
            condition.unlock()
            // Busy or partial checkpoints are normal (readers on old pages): the next one goes on.
            running.lock()
            database.checkpointPassively()
            running.unlock()
            condition.lock()
        }
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
