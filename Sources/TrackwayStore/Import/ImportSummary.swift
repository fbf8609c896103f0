/// What an import added, updated, left unchanged and skipped, per kind of row.
///
/// ```swift
/// let summary = try session.finish()
/// summary[.post].unchanged      // posts whose content hash matched the stored one
/// summary.skippedRecords.first  // "term category/news: term declared twice in this import; kept the first"
/// ```
public struct ImportSummary: Sendable, Equatable, Codable, CustomStringConvertible {
    /// True when the import only parsed and compared, writing nothing.
    public var dryRun: Bool
    public var sites = ImportCounts()
    public var authors = ImportCounts()
    public var terms = ImportCounts()
    public var posts = ImportCounts()
    public var pages = ImportCounts()
    public var attachments = ImportCounts()
    public var otherItems = ImportCounts()
    public var comments = ImportCounts()
    public var trackbacks = ImportCounts()
    public var pingbacks = ImportCounts()
    public var webmentions = ImportCounts()
    public var otherComments = ImportCounts()
    public var pingTargets = ImportCounts()
    /// Elements the reader met and does not import (a Movable Type backup's templates, roles,
    /// permissions, …), by name, with how many of each.
    public var skippedElements: [String: Int] = [:]
    /// Why records were skipped, in the order met (at most `skippedRecordLimit` of them; the
    /// per-kind `skipped` counts are always complete).
    public var skippedRecords: [SkippedRecord] = []

    /// How many skip reasons are kept, so a broken file cannot grow the summary without bound.
    public static let skippedRecordLimit = 1000

    public init(dryRun: Bool = false) {
        self.dryRun = dryRun
    }

    enum CodingKeys: String, CodingKey {
        case dryRun = "dry_run"
        case sites, authors, terms, posts, pages, attachments
        case otherItems = "other_items"
        case comments, trackbacks, pingbacks, webmentions
        case otherComments = "other_comments"
        case pingTargets = "ping_targets"
        case skippedRecords = "skipped_records"
        case skippedElements = "skipped_elements"
    }

    /// The counts of one kind.
    public subscript(kind: ImportKind) -> ImportCounts {
        get {
            switch kind {
            case .site: sites
            case .author: authors
            case .term: terms
            case .post: posts
            case .page: pages
            case .attachment: attachments
            case .otherItem: otherItems
            case .comment: comments
            case .trackback: trackbacks
            case .pingback: pingbacks
            case .webmention: webmentions
            case .otherComment: otherComments
            case .pingTarget: pingTargets
            }
        }
        set {
            switch kind {
            case .site: sites = newValue
            case .author: authors = newValue
            case .term: terms = newValue
            case .post: posts = newValue
            case .page: pages = newValue
            case .attachment: attachments = newValue
            case .otherItem: otherItems = newValue
            case .comment: comments = newValue
            case .trackback: trackbacks = newValue
            case .pingback: pingbacks = newValue
            case .webmention: webmentions = newValue
            case .otherComment: otherComments = newValue
            case .pingTarget: pingTargets = newValue
            }
        }
    }

    /// Records that a record of `kind` was skipped for `reason`.
    mutating func skip(_ kind: ImportKind, item: String, reason: String) {
        self[kind].skipped += 1
        if skippedRecords.count < Self.skippedRecordLimit {
            skippedRecords.append(SkippedRecord(kind: kind, item: item, reason: reason))
        }
    }

    /// One line per kind that met any record, then one per skip reason:
    /// `post: 3 added, 1 updated, 0 unchanged, 0 skipped`.
    public var description: String {
        var lines: [String] = []
        for kind in ImportKind.allCases where self[kind].total > 0 {
            let counts = self[kind]
            lines.append("\(kind.rawValue): \(counts.added) added, \(counts.updated) updated, "
                + "\(counts.unchanged) unchanged, \(counts.skipped) skipped")
        }
        lines += skippedRecords.map { "skipped \($0)" }
        lines += skippedElements.sorted { $0.key < $1.key }.map { "skipped element <\($0.key)>: \($0.value)" }
        return lines.joined(separator: "\n")
    }
}
