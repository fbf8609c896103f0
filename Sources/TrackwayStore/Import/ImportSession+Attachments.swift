import TrackwayCore

extension ImportSession {
    /// Writes a comment, term or URL of the current site's post `reference` names (written
    /// earlier in this import or an earlier one), idempotently: a comment is matched by its
    /// source id and content hash, a term or URL the post has already is left alone.
    func attach(_ attachment: PostAttachment, toPost reference: PostReference) throws {
        let kind = Self.kind(of: attachment)
        guard let current = site else {
            if let kind { summary.skip(kind, item: "\(reference)", reason: "it comes before any site record") }
            return
        }
        if current.keepsStoredRecords {
            if let kind { summary[kind].unchanged += 1 }
            return
        }
        let postID = try current.id.flatMap { try storedPostID(reference, siteID: $0) }
        // A dry run of a site the store does not hold yet has no rows to look in.
        guard postID != nil || (dryRun && current.isNew) else {
            if let kind { summary.skip(kind, item: "\(reference)", reason: "the post of \(reference) is not in this site") }
            return
        }
        switch attachment {
        case .comment(let comment):
            try attach(comment, toPost: postID, reference: reference, siteIsNew: current.isNew)
            if let postID { try noteMet(comment: comment.sourceID, ofPost: postID, in: current) }
        case .term(let term):
            try ensureTerm(term, in: current, siteID: current.id)
            guard let postID, !dryRun else { return }
            try add(term, toPost: postID)
        case .legacyURL(let url):
            guard let postID, !dryRun, let key = LegacyURLKey(url) else { return }
            try attachmentStatements().addPostURL.run(key.value, postID, url)
        }
    }

    /// Adds `term` after the post's own terms, unless the post has it already.
    private func add(_ term: PostTerm, toPost postID: Int) throws {
        guard let found = try attachmentStatements().findPostTerm.firstRow(postID, term.taxonomy, term.slug), found.int(1) == 0 else {
            return
        }
        try statements().insertPostTerm.run(postID, found.int(0), term.taxonomy, term.slug, term.name)
    }

    /// The row id of the post `reference` names in site `siteID`; nil when it has none.
    private func storedPostID(_ reference: PostReference, siteID: Int) throws -> Int? {
        if let last = lastFoundPost, last.siteID == siteID, last.reference == reference { return last.id }
        if case .movableTypeEntry(let entryID) = reference, let current = site, current.id == siteID,
           let id = current.insertedRow(ofEntry: entryID) {
            return id
        }
        let sql = try attachmentStatements()
        let id: Int? = switch reference {
        case .movableTypeEntry(let entryID): try sql.findEntryPostID.firstRow(String(entryID), siteID)?.int(0)
        case .movableTypeTrackback(let trackbackID): try sql.findTrackbackPostID.firstRow(trackbackID, siteID).flatMap { $0.isNull(0) ? nil : $0.int(0) }
        }
        lastFoundPost = id.map { (siteID, reference, $0) }
        return id
    }

    /// The summary kind an attachment counts as: comments by their kind; terms and URLs are
    /// parts of their post and not counted.
    private static func kind(of attachment: PostAttachment) -> ImportKind? {
        guard case .comment(let comment) = attachment else { return nil }
        return ImportKind(commentKind: comment.kind)
    }

    /// Writes a comment arriving on its own, as `write(_:hash:seq:postID:against:)` does against
    /// the stored comment of its id. In a site this session created, the comment is inserted
    /// without looking first: the post can only hold it when the backup repeats it, which the
    /// insert finds (the unique index refuses it), and only then is the stored row read.
    private func attach(_ comment: Comment, toPost postID: Int?, reference: PostReference, siteIsNew: Bool) throws {
        let seq = Self.position(ofSourceID: comment.sourceID)
        let hash = hasher.hash(comment)
        var stored: [String: StoredRow] = [:]
        if siteIsNew, try write(comment, hash: hash, seq: seq, postID: postID, against: &stored) { return }
        if let postID, let row = try attachmentStatements().findImportedComment.firstRow(postID, comment.sourceID) {
            stored[comment.sourceID] = StoredRow(id: row.int(0), hash: row.string(2), seq: row.int(3))
        }
        guard try write(comment, hash: hash, seq: seq, postID: postID, against: &stored) else {
            skipRepeated(comment, of: "\(reference)")
            return
        }
    }

    /// The position a comment arriving on its own keeps across imports: the number its id's
    /// first 18 digits make (MT's comment and ping ids grow with time), 0 when it has none.
    private static func position(ofSourceID sourceID: String) -> Int {
        var value = 0
        var digits = 0
        for byte in sourceID.utf8 {
            // Other scripts' digits are numbers too (and then Int reads none of them): the
            // character walk only for ids that are not ASCII.
            guard byte < 0x80 else { return Int(sourceID.filter(\.isNumber).prefix(18)) ?? 0 }
            if digits < 18, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            }
        }
        return value
    }

    /// Writes a Movable Type TrackBack ping target of the current site: added, updated or
    /// unchanged as its stored row says.
    func write(_ target: TrackbackTarget) throws {
        let item = String(target.trackbackID)
        guard let current = site else {
            summary.skip(.pingTarget, item: item, reason: "it comes before any site record")
            return
        }
        guard let siteID = current.id else {
            summary.pingTargets.added += 1
            return
        }
        var postID: Int?
        var category = (slug: "", name: "")
        switch target.subject {
        case .entry(let entryID):
            postID = try storedPostID(.movableTypeEntry(entryID), siteID: siteID)
            guard postID != nil || dryRun else {
                summary.skip(.pingTarget, item: item, reason: "its entry \(entryID) is not in this site")
                return
            }
        case .category(let slug, let name):
            category = (slug, name)
        }
        let sql = try attachmentStatements()
        let row: [SQLValue] = [
            postID.map { .integer(Int64($0)) } ?? .null, .text(category.slug), .text(category.name),
            .integer(target.isDisabled ? 1 : 0), .text(target.passphrase), .text(target.title), .text(target.url),
            .text(target.description),
        ]
        let stored = try sql.findTrackbackTarget.firstRow(siteID, target.trackbackID)
        if let stored, stored.values == row {
            summary.pingTargets.unchanged += 1
            return
        }
        if !dryRun {
            try sql.upsertTrackbackTarget.run(
                siteID, target.trackbackID, row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7]
            )
        }
        if stored == nil { summary.pingTargets.added += 1 } else { summary.pingTargets.updated += 1 }
    }
}
