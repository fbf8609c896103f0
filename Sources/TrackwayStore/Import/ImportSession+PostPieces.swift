import TrackwayCore

/// What the session keeps of a post arriving in pieces (`postStart`, `postComments`, `postEnd`)
/// between them: each comment's 16-byte hash (and, when nothing is written, its id), never the
/// comments themselves.
final class OpenPost {
    let sourceID: String
    /// False when the post was skipped: its later comments are skipped too.
    let isAdmitted: Bool
    let seq: Int
    /// The stored row before this import, nil for a new post.
    let stored: StoredRow?
    /// The row the comments go to: the stored one, or one inserted at the start (nil in a dry run).
    var postID: Int?
    /// Stored comments not met yet, by source id.
    var storedComments: [String: StoredRow] = [:]
    /// The comment ids met, kept only when nothing is written (a dry run, a site not stored);
    /// otherwise the database tells a repeated id (a second row with it is refused), so a post's
    /// hundreds of thousands of ids are not held here.
    var seenComments: Set<String> = []
    var commentHashes: [ContentHash] = []
    /// The totals before the post began, restored if it never ends.
    let summaryBefore: ImportSummary

    init(sourceID: String, isAdmitted: Bool, seq: Int, stored: StoredRow?, summaryBefore: ImportSummary) {
        self.sourceID = sourceID
        self.isAdmitted = isAdmitted
        self.seq = seq
        self.stored = stored
        postID = stored?.id
        self.summaryBefore = summaryBefore
    }
}

extension ImportSession {
    /// Begins a post whose comments come in pieces: its row is written now (a new post gets its
    /// fields so far), its comments as they arrive, its fields and hash at `endPost`.
    func startPost(_ post: Post) throws {
        guard openPost == nil else { throw StoreError.invalid("a post began before the previous one ended") }
        let summaryBefore = summary
        let kind = ImportKind(postType: post.postType)
        guard let (current, counted) = admit(post, as: kind) else {
            openPost = OpenPost(sourceID: post.sourceID, isAdmitted: false, seq: 0, stored: nil, summaryBefore: summaryBefore)
            return
        }
        let seq = current.nextPostSeq
        current.nextPostSeq += 1
        let sql = try statements()
        let (stored, occurrence) = try findStoredPost(post, in: current, counted: counted)
        if stored != nil && current.keepsStoredRecords {
            // The Movable Type backup's post stays as the backup has it; so do its comments.
            summary.skip(kind, item: post.sourceID, reason: "kept as the Movable Type backup has it")
            let kept = OpenPost(sourceID: post.sourceID, isAdmitted: false, seq: seq, stored: nil, summaryBefore: summaryBefore)
            openPost = kept
            try add(post.comments, to: kept)
            return
        }
        let open = OpenPost(
            sourceID: post.sourceID, isAdmitted: true, seq: seq,
            stored: stored.map { StoredRow(id: $0.int(0), hash: $0.string(1), seq: $0.int(2)) }, summaryBefore: summaryBefore
        )
        if !dryRun { postSavepoint = try database.beginTransaction() }
        openPost = open
        if let postID = open.postID {
            open.storedComments = try storedComments(ofPost: postID)
        } else if let siteID = current.id, !dryRun {
            try ensureAuthor(post.creator, in: current, siteID: siteID)
            try sql.insertPost.run { parameters in
                try parameters.append(siteID, occurrence)
                try parameters.append(columnsOf: post, includingKeys: true)
                // The hash is set at the end, once every comment has been met.
                try parameters.append(seq, "")
            }
            open.postID = Int(database.lastInsertRowID)
            // Its row goes if the post never ends; the entries' rows are looked up from now on.
            if post.movableTypeEntryID != nil { current.forgetEntries() }
        }
        try add(post.comments, to: open)
    }

    /// More comments of the open post.
    func continuePost(with comments: [Comment]) throws {
        guard let open = openPost else { throw StoreError.invalid("comments came outside a post") }
        try add(comments, to: open)
    }

    /// Ends the open post: its last comments, then its row and children as for a whole post
    /// (nothing written when its hash shows it unchanged), and stored comments it no longer has
    /// removed.
    func endPost(_ post: Post) throws {
        guard let open = openPost else { throw StoreError.invalid("a post ended that had not begun") }
        try add(post.comments, to: open)
        openPost = nil
        guard open.isAdmitted, let current = site else { return }
        if let savepoint = postSavepoint {
            postSavepoint = nil
            try savepoint.commit()
        }
        let kind = ImportKind(postType: post.postType)
        let hash = hasher.hash(post, commentHashes: open.commentHashes).hex
        let sql = try statements()
        if let stored = open.stored, stored.hash == hash {
            if stored.seq != open.seq && !dryRun { try sql.updatePostSeq.run(open.seq, stored.id) }
            summary[kind].unchanged += 1
            return
        }
        try ensureAuthorAndTerms(of: post, in: current)
        // A new post's row went in at the start, with no children yet: it is rewritten the same.
        if let postID = open.postID, !dryRun { try rewrite(postID, with: post, seq: open.seq, hash: hash) }
        try delete(open.storedComments)
        if open.stored == nil {
            summary[kind].added += 1
        } else {
            summary[kind].updated += 1
        }
    }

    /// Drops a post whose end never came (its file stopped): what it wrote is rolled back, its
    /// counts taken out of the totals.
    public func discardUnfinishedPost() throws {
        guard let open = openPost else { return }
        openPost = nil
        // A session that failed has rolled its whole batch back already.
        guard !ended else { return }
        summary = open.summaryBefore
        guard let savepoint = postSavepoint else { return }
        postSavepoint = nil
        lastFoundPost = nil
        try savepoint.rollback()
    }

    private func add(_ comments: [Comment], to open: OpenPost) throws {
        for comment in comments {
            guard open.isAdmitted else {
                summary[ImportKind(commentKind: comment.kind)].skipped += 1
                continue
            }
            if dryRun || open.postID == nil, !open.seenComments.insert(comment.sourceID).inserted {
                skipRepeated(comment, of: open.sourceID)
                continue
            }
            let hash = hasher.hash(comment)
            guard try write(comment, hash: hash, seq: open.commentHashes.count, postID: open.postID, against: &open.storedComments) else {
                skipRepeated(comment, of: open.sourceID)
                continue
            }
            open.commentHashes.append(hash)
        }
    }
}
