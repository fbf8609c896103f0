import CSQLite3

/// A closure SQLite calls after each commit on one connection, with the write-ahead log's size.
final class CommitObserver {
    let committed: (_ walPages: Int) -> Void

    init(_ committed: @escaping (_ walPages: Int) -> Void) {
        self.committed = committed
    }
}

extension Database {
    /// Calls `committed` with the write-ahead log's size in pages after every commit on this
    /// connection, once its write lock is released (so it may checkpoint), instead of SQLite's
    /// automatic checkpoint, which this turns off (and `setAutoCheckpoint` turns this off); nil
    /// removes it. Nothing on PostgreSQL.
    func observeCommits(_ committed: ((_ walPages: Int) -> Void)?) {
        guard case .sqlite(let handle) = engine else { return }
        commitObserver = committed.map(CommitObserver.init)
        guard let commitObserver else {
            sqlite3_wal_hook(handle, nil, nil)
            return
        }
        sqlite3_wal_hook(handle, { context, _, _, pages in
            if let context {
                Unmanaged<CommitObserver>.fromOpaque(context).takeUnretainedValue().committed(Int(pages))
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(commitObserver).toOpaque())
    }
}
