/// `MentionReader` on the store's database (a SQLite file or PostgreSQL): mention lists are read on the read-only connections of the
/// gateway's `StorePingRepository`, and the change stamp is its `DataVersionWatch`.
///
/// ```swift
/// let repository = try StorePingRepository(path: "trackway.sqlite")
/// let reader = StoreMentionReader(sharingReadersOf: repository)
/// let stamp = try await reader.changeStamp()
/// ```
public final class StoreMentionReader: MentionReader {
    private let readers: ReaderPool
    private let changes: DataVersionWatch

    /// Reads on `repository`'s connections.
    public init(sharingReadersOf repository: StorePingRepository) {
        readers = repository.readers
        changes = repository.changes
    }

    public func mentions(_ query: MentionQuery) async throws -> [Mention] {
        try await readers.read { try $0.mentions(query) }
    }

    public func counts(postIDs: [Int]) async throws -> MentionCounts {
        try await readers.read { try $0.mentionCounts(postIDs: postIDs) }
    }

    public func changeStamp() async throws -> Int? {
        try await readers.offload { [changes] in try changes.current() }
    }
}
