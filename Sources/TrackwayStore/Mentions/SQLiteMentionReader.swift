/// `MentionReader` on a SQLite file: mention lists are read on the read-only connections of the
/// gateway's `SQLitePingRepository`, and the change stamp is its `DataVersionWatch`.
///
/// ```swift
/// let repository = try SQLitePingRepository(path: "trackway.sqlite")
/// let reader = SQLiteMentionReader(sharingReadersOf: repository)
/// let stamp = try await reader.changeStamp()
/// ```
public final class SQLiteMentionReader: MentionReader {
    private let readers: ReaderPool
    private let changes: DataVersionWatch

    /// Reads on `repository`'s connections.
    public init(sharingReadersOf repository: SQLitePingRepository) {
        readers = repository.readers
        changes = repository.changes
    }

    public func mentions(_ query: MentionQuery) async throws -> [Mention] {
        try readers.with { try $0.mentions(query) }
    }

    public func counts(postIDs: [Int]) async throws -> MentionCounts {
        try readers.with { try $0.mentionCounts(postIDs: postIDs) }
    }

    public func changeStamp() async throws -> Int? {
        try changes.current()
    }
}
