import TrackwayCore

extension ImportSession {
    func write(_ post: Post) throws {
        let kind = ImportKind(postType: post.postType)
        guard let (current, counted) = admit(post, as: kind) else { return }
        let seq = current.nextPostSeq
        current.nextPostSeq += 1

        let comments = keptComments(of: post)
        let commentHashes = comments.map { hasher.hash($0) }
        let hash = hasher.hash(post, commentHashes: commentHashes).hex

        let sql = try statements()
        let (stored, occurrence) = try findStoredPost(post, in: current, counted: counted)
        if let stored { try noteMet(post: stored.int(0), in: current) }
        if let stored, stored.string(1) == hash || current.keepsStoredRecords {
            if stored.int(2) != seq && !dryRun && !current.keepsStoredRecords { try sql.updatePostSeq.run(seq, stored.int(0)) }
            summary[kind].unchanged += 1
            for comment in comments { summary[ImportKind(commentKind: comment.kind)].unchanged += 1 }
            return
        }

        try ensureAuthorAndTerms(of: post, in: current)

        if let stored {
            let postID = stored.int(0)
            if !dryRun { try rewrite(postID, with: post, seq: seq, hash: hash) }
            try replaceComments(comments, hashes: commentHashes, postID: postID)
            summary[kind].updated += 1
            return
        }

        if let siteID = current.id, !dryRun {
            try sql.insertPost.run { parameters in
                try parameters.append(siteID, occurrence)
                try parameters.append(columnsOf: post, includingKeys: true)
                try parameters.append(seq, hash)
            }
            let postID = Int(database.lastInsertRowID)
            current.noteInserted(entry: post.movableTypeEntryID, row: postID)
            try insertChildren(of: post, postID: postID)
            for (commentSeq, comment) in comments.enumerated() {
                try insert(comment, seq: commentSeq, hash: commentHashes[commentSeq].hex, postID: postID)
            }
        }
        summary[kind].added += 1
        for comment in comments { summary[ImportKind(commentKind: comment.kind)].added += 1 }
    }

    /// The post's comments without repeated source ids (the first one wins), skipping the rest.
    private func keptComments(of post: Post) -> [Comment] {
        var seen: Set<String> = []
        var kept: [Comment] = []
        kept.reserveCapacity(post.comments.count)
        for comment in post.comments {
            if seen.insert(comment.sourceID).inserted {
                kept.append(comment)
            } else {
                skipRepeated(comment, of: post.sourceID)
            }
        }
        return kept
    }

    /// Counts `comment` skipped: its id came before in the same post.
    func skipRepeated(_ comment: Comment, of postSourceID: String) {
        summary.skip(ImportKind(commentKind: comment.kind), item: "\(postSourceID)/\(comment.sourceID)",
                     reason: "comment id appears twice in post \(postSourceID); kept the first")
    }

    /// The site `post` goes to and its place among the items of this import sharing its id (each
    /// is kept, as WordPress's importer reads each), or nil when it is skipped (no site yet, no
    /// source id), counted with its comments.
    func admit(_ post: Post, as kind: ImportKind) -> (site: SiteImportState, occurrence: Int)? {
        let reason: String
        if let current = site {
            if post.sourceID.isEmpty {
                reason = "post has no source id"
            } else if post.movableTypeEntryID != nil {
                // A backup's entry finds its occurrence in the store (findStoredPost): counting
                // every basename of a large backup here took memory that grew with the file.
                return (current, 0)
            } else {
                return (current, current.nextOccurrence(of: post.sourceID))
            }
        } else {
            reason = "post comes before any site record"
        }
        summary.skip(kind, item: post.sourceID, reason: reason)
        for comment in post.comments { summary[ImportKind(commentKind: comment.kind)].skipped += 1 }
        return nil
    }

    /// Declares the post's author and terms for the site, when new.
    func ensureAuthorAndTerms(of post: Post, in current: SiteImportState) throws {
        try ensureAuthor(post.creator, in: current, siteID: current.id)
        for term in post.terms { try ensureTerm(term, in: current, siteID: current.id) }
    }

    /// Rewrites the stored post `postID` with `post`'s fields, `seq` and `hash`, and replaces its
    /// terms, meta, source fields, extras and URLs; its comments are the caller's to bring in line.
    func rewrite(_ postID: Int, with post: Post, seq: Int, hash: String) throws {
        let sql = try statements()
        try sql.updatePost.run { parameters in
            try parameters.append(columnsOf: post, includingKeys: false)
            try parameters.append(seq, hash, postID)
        }
        for delete in [sql.deletePostTerms, sql.deletePostMeta, sql.deletePostSourceFields,
                       sql.deletePostExtras, sql.deletePostURLs] {
            try delete.run(postID)
        }
        try insertChildren(of: post, postID: postID)
    }

    func insertChildren(of post: Post, postID: Int) throws {
        let sql = try statements()
        for (seq, term) in post.terms.enumerated() {
            try sql.insertPostTerm.run(postID, seq, term.taxonomy, term.slug, term.name)
        }
        for (seq, entry) in post.meta.enumerated() {
            try sql.insertPostMeta.run(postID, seq, entry.key, entry.value)
        }
        for (seq, entry) in post.sourceFields.enumerated() {
            try sql.insertPostSourceField.run(postID, seq, entry.key, entry.value)
        }
        for (seq, xml) in post.unknownElements.enumerated() {
            try sql.insertPostExtra.run(postID, seq, xml)
        }
        // The first URL of a key wins: link before guid before legacy forms.
        var urlSeq = 0
        func addURL(_ url: String, kind: String) throws {
            guard let key = LegacyURLKey(url) else { return }
            try sql.insertPostURL.run(key.value, postID, url, kind, urlSeq)
            urlSeq += 1
        }
        try addURL(post.link, kind: "link")
        try addURL(post.guid, kind: "guid")
        for url in post.legacyURLs { try addURL(url, kind: "legacy") }
        try addURL(post.attachmentURL, kind: "attachment")
    }
}
