/// `ArchiveReader` on the store's database (a SQLite file or PostgreSQL), read on a pool of
/// read-only connections (on SQLite, WAL lets them run beside the gateway's writer and another
/// process's import). The database must exist: the
/// gateway's writer creates it and brings its schema up to date.
///
/// ```swift
/// let reader = StoreArchiveReader(path: "trackway.sqlite")
/// let post = try await reader.post(id: 1)     // SQLite: on the calling thread, no hop
/// ```
public final class StoreArchiveReader: ArchiveReader {
    private let readers: ReaderPool
    private let changes: DataVersionWatch

    /// Reads on a pool of its own.
    public init(location: StoreLocation) {
        readers = ReaderPool(location: location)
        changes = DataVersionWatch(location: location)
    }

    /// Reads the SQLite file at `path` on a pool of its own.
    public convenience init(path: String) {
        self.init(location: .sqlite(path: path))
    }

    /// Reads on `repository`'s read-only connections and watches for changes on its watch (the
    /// gateway's).
    public init(sharingReadersOf repository: StorePingRepository) {
        readers = repository.readers
        changes = repository.changes
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (ArchiveQueries) throws -> T) async throws -> T {
        try await readers.read { try body(ArchiveQueries(database: $0.database)) }
    }

    public func sites() async throws -> [ArchiveSite] {
        try await read { try $0.sites() }
    }

    public func site(forHost host: String) async throws -> ArchiveSite? {
        try await read { try $0.sites() }.first { $0.hosts.contains(host) }
    }

    public func post(id: Int) async throws -> ArchivePost? {
        try await read { try $0.post(id: id) }
    }

    public func comments(ofPost postID: Int, page: Int, perPage: Int) async throws -> ArchivePage<ArchiveComment> {
        try await read { try $0.comments(ofPost: postID, page: page, perPage: perPage) }
    }

    public func pings(ofPost postID: Int, page: Int, perPage: Int) async throws -> ArchivePage<ArchivePing> {
        try await read { try $0.pings(ofPost: postID, page: page, perPage: perPage) }
    }

    public func posts(site: Int, filter: ArchiveFilter, page: Int, perPage: Int) async throws -> ArchivePage<ArchivePost> {
        try await read { try $0.posts(site: site, filter: filter, page: page, perPage: perPage) }
    }

    public func term(site: Int, taxonomy: String, slug: String) async throws -> ArchiveTerm? {
        try await read { try $0.term(site: site, taxonomy: taxonomy, slug: slug) }
    }

    public func author(site: Int, login: String) async throws -> ArchiveAuthor? {
        try await read { try $0.author(site: site, login: login) }
    }

    public func recentDiscussion(site: Int, post: Int?, limit: Int) async throws -> [ArchiveDiscussionItem] {
        try await read { try $0.recentDiscussion(site: site, post: post, limit: limit) }
    }

    /// SQLite's `PRAGMA data_version` (`DataVersionWatch`): a few microseconds (no table is
    /// read; 6.5 µs measured through Python's sqlite3 module, whose own cost is 0.8 µs a statement).
    public func changeToken() async throws -> Int64 {
        Int64(try await readers.offload { [changes] in try changes.current() })
    }
}
