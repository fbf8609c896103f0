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

    init(id: Int?, sourceKey: String, isNew: Bool) {
        self.id = id
        self.sourceKey = sourceKey
        self.isNew = isNew
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
