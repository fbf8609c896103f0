/// What an import session knows about the site it is writing: its row and what it has met.
///
/// A class, so the sets grow in place: copying them out and back per record made an import
/// quadratic.
final class SiteImportState {
    /// The site's row; nil in a dry run for a site the store does not hold yet.
    let id: Int?
    let sourceKey: String
    /// True when this session created the site's row: nothing of it can be stored yet, so
    /// lookups are skipped (repeats within the session are caught by the sets below).
    let isNew: Bool
    var nextPostSeq = 0
    var nextTermSeq = 0
    var nextAuthorSeq = 0
    /// How many items of this import had each post source id so far: the next item with that id
    /// is that occurrence of it, so items sharing an id are each kept, as their own rows.
    var postOccurrences: [String: Int] = [:]
    var declaredTerms: Set<TermKey> = []
    var declaredAuthors: Set<String> = []
    /// Terms and authors known to have a row, so posts insert each missing one only once.
    var knownTerms: Set<TermKey> = []
    var knownAuthors: Set<String> = []
    /// True when a Movable Type text export meets a site imported from MT's backup: the
    /// backup's posts, ids and statuses win, so the export's posts, authors and terms that the
    /// site has are left as they are (new ones are added).
    var keepsStoredRecords = false
    /// True for a Movable Type site: its entries are matched by `entry.id`, or basename and date
    /// (`ImportSession.findStoredPost`).
    var matchesMovableTypeEntries = false
    /// True when a Movable Type backup is imported again into its site: the comments and pings
    /// of its posts that it no longer holds are removed at the end.
    var removesVanishedComments = false
    /// The rows of the Movable Type entries inserted into this site, by `entry.id`, while the
    /// site is one this session created (nil otherwise, or once a post in pieces made it
    /// unsure). A backup names an entry in every comment, tag, placement and URL that follows
    /// it, far from the entry: each found by `AttachmentStatements.findEntryPostID` cost a join
    /// that missed SQLite's cache (a sixth of the writer's time). 8 bytes an entry (some 12 with the
    /// dictionary's slack), and at most `maxRememberedEntries` of them (about 3 MB; a 1 GB backup
    /// has 190,000 entries, and its import's peak RSS grew by 3.5 MB): the rest, and
    /// ids beyond 32 bits, are looked up as before.
    private(set) var entryRows: [UInt32: UInt32]?
    static let maxRememberedEntries = 1 << 18

    init(id: Int?, sourceKey: String, isNew: Bool) {
        self.id = id
        self.sourceKey = sourceKey
        self.isNew = isNew
        if isNew { entryRows = [:] }
    }

    /// Notes that the post of Movable Type entry `entryID` (its `ENTRY ID` field) went in as
    /// row `postID`; the first row of an id stays, as `findEntryPostID` finds it.
    func noteInserted(entry entryID: String?, row postID: Int) {
        guard let entryID, entryRows != nil, let key = Self.entryKey(entryID),
              let row = UInt32(exactly: postID), entryRows?.count ?? 0 < Self.maxRememberedEntries else { return }
        if entryRows?[key] == nil { entryRows?[key] = row }
    }

    /// Stops remembering entries: a post that may be taken back (a post in pieces) went in.
    func forgetEntries() {
        entryRows = nil
    }

    /// The row of the post of Movable Type entry `entryID` this session inserted; nil when it
    /// does not remember one (the database may still hold it).
    func insertedRow(ofEntry entryID: Int) -> Int? {
        guard let key = UInt32(exactly: entryID), let row = entryRows?[key] else { return nil }
        return Int(row)
    }

    /// The key of an `ENTRY ID` text that `String(entryID)` spells, the form references are
    /// looked up by; nil for any other text.
    private static func entryKey(_ text: String) -> UInt32? {
        guard let key = UInt32(text), String(key) == text else { return nil }
        return key
    }

    /// The place of an item with `sourceID` among the items of this import sharing it (0 for
    /// the first), counted as met.
    func nextOccurrence(of sourceID: String) -> Int {
        // Counted in place, through the dictionary's modify accessor: one hash lookup per item.
        Self.takeAndIncrement(&postOccurrences[sourceID, default: 0])
    }

    private static func takeAndIncrement(_ count: inout Int) -> Int {
        defer { count += 1 }
        return count
    }
}

/// A term's identity within a site.
struct TermKey: Hashable {
    var taxonomy: String
    var slug: String
}
