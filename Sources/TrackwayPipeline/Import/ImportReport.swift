import TrackwayStore

/// The result of an import: one outcome per input, the store's per-kind summary, and the time taken.
///
/// ```swift
/// let report = try ImportRun(inputs: [.file("blog.xml")]).perform(store: store, database: "blog.sqlite")
/// print(report.summary.posts.added, report.files[0].format)   // 200 wxr
/// ```
public struct ImportReport: Codable, Sendable {
    /// The database imported into, as the caller named it; nil for a dry run.
    public var database: String?
    /// One outcome per input, in the order given.
    public var files: [FileOutcome] = []
    /// What was added, updated, left unchanged and skipped, per kind.
    public var summary = ImportSummary()
    /// Wall-clock seconds the whole import took.
    public var seconds = 0.0

    /// An empty report of an import into `database`.
    public init(database: String?) {
        self.database = database
    }
}
