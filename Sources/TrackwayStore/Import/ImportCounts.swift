/// How many rows of one kind an import added, updated, left unchanged or skipped.
public struct ImportCounts: Sendable, Equatable, Codable {
    /// Records with no stored row yet.
    public var added = 0
    /// Records whose stored row had a different content hash, and was rewritten.
    public var updated = 0
    /// Records whose content hash matched: nothing was written.
    public var unchanged = 0
    /// Records not stored; `ImportSummary.skippedRecords` says why.
    public var skipped = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0, skipped: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.skipped = skipped
    }

    /// Every record of this kind the import met.
    public var total: Int { added + updated + unchanged + skipped }
}
