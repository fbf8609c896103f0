import Foundation

/// `MentionReader` on a SQLite file: mention lists are read on the read-only connections of the
/// gateway's `SQLitePingRepository`, and the change stamp on one connection of its own.
///
/// ```swift
/// let repository = try SQLitePingRepository(path: "trackway.sqlite")
/// let reader = try SQLiteMentionReader(sharingReadersOf: repository)
/// let stamp = try await reader.changeStamp()
/// ```
/// Unchecked Sendable: the pool locks itself, and the stamp connection is used only under `stampLock`.
public final class SQLiteMentionReader: MentionReader, @unchecked Sendable {
    private let readers: ReaderPool
    /// SQLite's `data_version` is comparable only on one connection: every stamp comes from this one.
    private let stampConnection: PingStore
    private let stampLock = NSLock()

    /// Reads on `repository`'s connections; opens one more for the change stamp.
    public init(sharingReadersOf repository: SQLitePingRepository) throws {
        readers = repository.readers
        stampConnection = PingStore(database: try Database(path: repository.path, readOnly: true))
    }

    public func mentions(_ query: MentionQuery) async throws -> [Mention] {
        try readers.with { try $0.mentions(query) }
    }

    public func counts(postIDs: [Int]) async throws -> MentionCounts {
        try readers.with { try $0.mentionCounts(postIDs: postIDs) }
    }

    public func changeStamp() async throws -> Int? {
        try stampLock.withLock { try stampConnection.dataVersion() }
    }
}
