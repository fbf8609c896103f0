/// Keeps an import's write-ahead log small with the copying done beside the import's writer:
/// a `WALCheckpointer` thread checkpoints each time the log has grown by `requestPages`, and
/// the writer itself checkpoints only what that thread has not copied yet, once the log is
/// `restartPages` long.
///
/// SQLite writes the log from its start again (and so keeps it small) only when a write
/// transaction begins on a log whose every frame is already in the database file. The import
/// commits one batch and begins the next at once, so a thread beside it never finds the log
/// whole: the writer's own checkpoint after a commit makes it so, and finds most of the log
/// copied. Should the thread fall behind (it is in a checkpoint when the writer wants one),
/// the writer tries again at its next commit, and past `hardLimitPages` waits for the thread's
/// checkpoint to end and checkpoints itself: the log stays under that limit plus a batch, as
/// SQLite's own automatic checkpoint keeps it under its limit plus a batch. Checkpoints are
/// passive: a reader of the same file (the gateway) keeps its snapshot, and the log waits for it.
///
/// ```swift
/// let checkpointing = ImportCheckpointing(database: database)   // nil on PostgreSQL
/// defer { checkpointing?.stop() }
/// ```
final class ImportCheckpointing {
    /// When the thread and the writer checkpoint, in pages of log.
    struct Limits {
        /// Log growth after which the thread checkpoints.
        var requestPages = 1024
        /// Log size at which the writer checkpoints what is left (the import's automatic
        /// checkpoint was at 4,096; SQLite's default is 1,000).
        var restartPages = 4096
        /// Log size at which the writer waits for the thread's checkpoint to end: the bound the
        /// gateway's writer keeps its log under too.
        var hardLimitPages = WALCheckpointer.writerBackstopPages
    }

    private let database: Database
    private let limits: Limits
    private let checkpointer: WALCheckpointer
    /// The connection's automatic checkpoint before, in pages, given back by `stop()`.
    private let autoCheckpointPages: Int
    private var nextRequest: Int
    private var lastPages = 0

    /// Takes over `database`'s checkpoints; nil when it has no write-ahead log to keep (it is
    /// PostgreSQL, or in memory) or the thread's connection cannot open.
    init?(database: Database, limits: Limits = Limits()) {
        guard case .sqlite(let path) = database.location,
              (try? database.statement("PRAGMA journal_mode").firstRow()?.string(0)) == "wal",
              let autoCheckpointPages = try? database.statement("PRAGMA wal_autocheckpoint").firstRow()?.int(0),
              let checkpointer = try? WALCheckpointer(path: path, interval: nil)
        else { return nil }
        self.database = database
        self.limits = limits
        self.checkpointer = checkpointer
        self.autoCheckpointPages = autoCheckpointPages
        nextRequest = limits.requestPages
        database.observeCommits { [unowned self] pages in committed(walPages: pages) }
    }

    /// Gives `database` back its automatic checkpoint and stops the thread.
    func stop() {
        database.observeCommits(nil)
        try? database.setAutoCheckpoint(pages: autoCheckpointPages)
        checkpointer.close()
    }

    private func committed(walPages pages: Int) {
        // A shorter log than last time: SQLite began it again from its start.
        if pages < lastPages { nextRequest = limits.requestPages }
        lastPages = pages
        if pages >= limits.restartPages {
            checkpointer.checkpoint(on: database, waiting: pages >= limits.hardLimitPages)
        } else if pages >= nextRequest {
            checkpointer.request()
            nextRequest = pages + limits.requestPages
        }
    }
}
