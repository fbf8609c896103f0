import TrackwayCore

/// What the read API asks of storage: the approved comments and pings of public posts, and a
/// stamp that tells whether any of it may have changed. `StoreMentionReader` is the SQLite
/// engine; another engine (PostgreSQL) implements the same protocol.
///
/// Only approved items of published posts without a password are ever answered: the rule lives
/// in the engine, so no caller can forget it.
///
/// ```swift
/// let reader: any MentionReader = try StoreMentionReader(sharingReadersOf: repository)
/// let page = try await reader.mentions(MentionQuery(postIDs: [post.postID], kinds: [.comment]))
/// ```
public protocol MentionReader: Sendable {
    /// The approved mentions `query` selects, in its order, at most `query.limit`.
    func mentions(_ query: MentionQuery) async throws -> [Mention]

    /// How many approved comments, trackbacks, pingbacks and webmentions the posts hold.
    func counts(postIDs: [Int]) async throws -> MentionCounts

    /// A value that changes whenever the stored data may have changed, in this process or in
    /// another one sharing the database (the CLI's `pings approve`): an answer computed after
    /// reading a stamp stays right while the stamp reads the same. Nil when the engine cannot
    /// tell; then nothing may be kept.
    func changeStamp() async throws -> Int?
}
