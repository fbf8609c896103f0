import TrackwayCore

/// Writes a reader's records into a store in batched transactions, idempotently.
///
/// Each record is matched to its stored row by origin (site source key, then login, taxonomy
/// and slug, or source id) and compared by content hash: an unchanged record costs one SELECT
/// and no write, a changed one is updated with its children replaced. Every `batchSize` posts
/// (or records that come after their post: comments, terms, URLs, ping targets of a Movable
/// Type backup) the open transaction commits, so a killed import leaves only whole batches behind, and
/// running it again ends in the database a clean import gives.
///
/// ```swift
/// let session = ImportSession(store: store, batchSize: 500)
/// try reader.read { record in try session.write(record) }
/// let summary = try session.finish()
/// print(summary)   // "post: 200 added, 0 updated, 0 unchanged, 0 skipped" …
/// ```
///
/// Dropping a session without `finish()` rolls back the open batch.
public final class ImportSession {
    let database: Database
    let batchSize: Int
    let dryRun: Bool
    /// Running totals, for progress lines; final once `finish()` returns. After a failed write
    /// they are what the committed batches stored, which is what the database holds.
    public internal(set) var summary: ImportSummary
    /// The totals as of the last commit, for a failure to go back to.
    private var committedSummary: ImportSummary
    /// The write that ended the session, if one did; nothing more can be written then.
    public private(set) var failure: ImportWriteError?
    var hasher = ContentHasher()
    var site: SiteImportState?
    /// The post arriving in pieces, between its `postStart` and its `postEnd`.
    var openPost: OpenPost?
    /// The savepoint around the writes of a post in pieces, so that one cut short by the end of
    /// its file leaves nothing behind while the batch around it commits.
    var postSavepoint: Transaction?
    private var preparedStatements: ImportStatements?
    private var preparedAttachmentStatements: AttachmentStatements?
    private var preparedMovableTypeEntryStatements: MovableTypeEntryStatements?
    /// Prepared (and their temporary tables made) when a re-imported backup's first post comes.
    private(set) var preparedVanishedCommentStatements: VanishedCommentStatements?
    /// The post the last attachment or ping target found (site row, source id, row id): a
    /// Movable Type backup hands on a post's comments and tags one after another, so most of them
    /// skip the lookup. A post's row keeps its id once written; only a discarded post in pieces
    /// takes its row back, and that clears this.
    var lastFoundPost: (siteID: Int, reference: PostReference, id: Int)?
    /// Every site this session wrote, by source key, for `.resumeSite`.
    var importedSites: [String: SiteImportState] = [:]
    /// The open batch; nil between batches and in a dry run.
    private var batch: Transaction?
    private var postsInBatch = 0
    private(set) var ended = false
    /// SQLite's checkpoints beside the writer while the session writes; nil on PostgreSQL, in a
    /// dry run, and once the session ended.
    private var checkpointing: ImportCheckpointing?

    /// A session writing into `store`, committing every `batchSize` posts; with `dryRun` it
    /// reads and compares but writes nothing, and the summary says what an import would do.
    public init(store: Store, batchSize: Int = 500, dryRun: Bool = false) {
        database = store.database
        self.batchSize = max(1, batchSize)
        self.dryRun = dryRun
        summary = ImportSummary(dryRun: dryRun)
        committedSummary = summary
        // Only speed depends on these, so an import goes on without them. SQLite's only:
        // PostgreSQL's cache and checkpoints are the server's.
        if !database.isPostgres {
            try? database.execute(Self.connectionSettings)
            if !dryRun { checkpointing = ImportCheckpointing(database: database) }
        }
    }

    /// A large import's working set (each index's insertion points, every tree's upper pages,
    /// the pages being filled) outgrows SQLite's default 2 MB cache: pages are evicted, dirty
    /// ones spilled to the WAL mid-batch, then read back and written again. An 8 MB cache keeps
    /// them (a 1 GB import still peaks under 60 MB), and a checkpoint every 4096 WAL pages rather
    /// than 1000 syncs a quarter as often (while the session writes, `ImportCheckpointing` runs
    /// the checkpoints instead, mostly on a thread of its own). Neither touches durability: each
    /// batch still commits whole or not at all. Foreign keys are not enforced while the session
    /// writes (see `ForeignKeyActions`): the import writes every parent before its children, and
    /// does itself what a deleted comment's references would.
    private static let connectionSettings = "PRAGMA cache_size = -8192; PRAGMA wal_autocheckpoint = 4096; PRAGMA foreign_keys = OFF"

    deinit {
        try? batch?.rollback()
        giveConnectionBack()
    }

    /// Stores one record (buffered in the open batch). A failure throws `ImportWriteError`, rolls
    /// the open batch back and ends the session (`failure` keeps it); `summary` then counts
    /// what the committed batches stored.
    public func write(_ record: ImportRecord) throws {
        guard !ended else { throw StoreError.invalid("import session already finished or failed") }
        do {
            if !dryRun && batch == nil {
                batch = try database.beginTransaction()
                try database.lockForImport()
            }
            switch record {
            case .site(let site): try write(site)
            case .author(let author): try write(author)
            case .term(let term): try write(term)
            case .post(let post):
                try write(post)
                try countPostInBatch()
            case .postStart(let post):
                try startPost(post)
            case .postComments(let comments):
                try continuePost(with: comments)
            case .postEnd(let post):
                try endPost(post)
                try countPostInBatch()
            case .resumeSite(let sourceKey):
                try resumeSite(sourceKey)
            case .attachment(let reference, let attachment):
                try attach(attachment, toPost: reference)
                try countPostInBatch()
            case .trackbackTarget(let target):
                try write(target)
                try countPostInBatch()
            case .skippedElements(let counts):
                summary.skippedElements.merge(counts, uniquingKeysWith: +)
            }
        } catch {
            throw fail(ImportWriteError(record: describe(record), underlying: error))
        }
    }

    /// Commits the last batch (without a post left unfinished) and returns the totals; throws
    /// `ImportWriteError` if the commit fails.
    public func finish() throws -> ImportSummary {
        guard !ended else { throw StoreError.invalid("import session already finished or failed") }
        do {
            try discardUnfinishedPost()
            try removeVanishedComments()
            try commit()
        } catch {
            throw fail(ImportWriteError(record: "the last batch", underlying: error))
        }
        ended = true
        giveConnectionBack()
        return summary
    }

    /// The session's prepared statements, prepared on first use.
    func statements() throws -> ImportStatements {
        if let preparedStatements { return preparedStatements }
        let prepared = try ImportStatements(database: database)
        preparedStatements = prepared
        return prepared
    }

    /// The statements for records that come after their post, prepared on first use.
    func attachmentStatements() throws -> AttachmentStatements {
        if let preparedAttachmentStatements { return preparedAttachmentStatements }
        let prepared = try AttachmentStatements(database: database)
        preparedAttachmentStatements = prepared
        return prepared
    }

    /// The statements that match Movable Type entries, prepared on first use.
    func movableTypeEntryStatements() throws -> MovableTypeEntryStatements {
        if let preparedMovableTypeEntryStatements { return preparedMovableTypeEntryStatements }
        let prepared = try MovableTypeEntryStatements(database: database)
        preparedMovableTypeEntryStatements = prepared
        return prepared
    }

    /// The statements that note what a re-imported backup holds, prepared on first use.
    func vanishedCommentStatements() throws -> VanishedCommentStatements {
        if let preparedVanishedCommentStatements { return preparedVanishedCommentStatements }
        let prepared = try VanishedCommentStatements(database: database)
        preparedVanishedCommentStatements = prepared
        return prepared
    }

    private func countPostInBatch() throws {
        postsInBatch += 1
        if postsInBatch >= batchSize { try commit() }
    }

    private func commit() throws {
        postsInBatch = 0
        guard let open = batch else { return }
        try open.commit()
        batch = nil
        committedSummary = summary
    }

    private func describe(_ record: ImportRecord) -> String {
        let siteKey = site?.sourceKey ?? "no site"
        switch record {
        case .site(let site): return "site \(site.sourceKey)"
        case .author(let author): return "author \(author.login) of \(siteKey)"
        case .term(let term): return "term \(term.taxonomy)/\(term.slug) of \(siteKey)"
        case .post(let post), .postStart(let post), .postEnd(let post):
            return "\(post.postType) \(post.sourceID) of \(siteKey)"
        case .postComments(let comments):
            return "comments \(comments.first?.sourceID ?? "")… of post \(openPost?.sourceID ?? "") of \(siteKey)"
        case .resumeSite(let sourceKey): return "site \(sourceKey)"
        case .attachment(let reference, let attachment):
            switch attachment {
            case .comment(let comment): return "\(comment.kind.rawValue) \(comment.sourceID) of \(reference) of \(siteKey)"
            case .term(let term): return "term \(term.taxonomy)/\(term.slug) of \(reference) of \(siteKey)"
            case .legacyURL(let url): return "URL \(url) of \(reference) of \(siteKey)"
            }
        case .trackbackTarget(let target): return "TrackBack target \(target.trackbackID) of \(siteKey)"
        case .skippedElements: return "skipped elements"
        }
    }

    /// Gives the connection back as the session found it, outside any transaction: its
    /// automatic checkpoint, and foreign keys enforced.
    private func giveConnectionBack() {
        checkpointing?.stop()
        checkpointing = nil
        if !database.isPostgres { try? database.execute("PRAGMA foreign_keys = ON") }
    }

    /// Ends the session on `failure`: its open batch is rolled back and the totals go back to the
    /// last commit's. Returns the failure to throw.
    private func fail(_ failure: ImportWriteError) -> ImportWriteError {
        ended = true
        self.failure = failure
        postSavepoint = nil
        if let open = batch {
            try? open.rollback()
            batch = nil
        }
        giveConnectionBack()
        if !dryRun { summary = committedSummary }
        return failure
    }
}
