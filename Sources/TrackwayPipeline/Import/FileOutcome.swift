import TrackwayStore

/// What one input of an import did: its format, how far it got, and every warning.
///
/// ```swift
/// for outcome in report.files where outcome.error != nil {
///     print("\(outcome.file) stopped: \(outcome.error ?? "")")   // "blog.xml:120:7: expected '>' …"
/// }
/// ```
public struct FileOutcome: Codable, Sendable {
    /// The input's path, or the name given to bytes in memory.
    public var file: String
    /// `wxr` or `movableType` once detected; empty when the input could not be read as either.
    public var format = ""
    /// Every non-fatal problem met, each naming the input, its line and the item.
    public var warnings: [String] = []
    /// The one-line reason the input could not be (fully) imported, if any: the input's name,
    /// then its line and column when the document was at fault.
    public var error: String?

    /// The outcome of `file` before anything was read.
    public init(file: String) {
        self.file = file
    }

    /// The outcome of `file`, left unread because the write `failure` ended the import first.
    static func unread(_ file: String, after failure: ImportWriteError) -> FileOutcome {
        var outcome = FileOutcome(file: file)
        outcome.error = "\(file): not read, the import stopped at an earlier write that failed (\(failure.record))"
        return outcome
    }
}
