import TrackwayCore

extension ImportSession {
    /// Inserts `comment` as the `seq`th of `postID`; false, writing nothing, when the post has a
    /// comment with its source id already (met before in the same export).
    @discardableResult
    func insert(_ comment: Comment, seq: Int, hash: String, postID: Int) throws -> Bool {
        let sql = try statements()
        try sql.insertComment.run { parameters in
            try parameters.append(postID)
            try parameters.append(columnsOf: comment, includingKeys: true)
            try parameters.append(seq, hash)
        }
        guard database.changes > 0 else { return false }
        let commentID = Int(database.lastInsertRowID)
        for (metaSeq, entry) in comment.meta.enumerated() {
            try sql.insertCommentMeta.run(commentID, metaSeq, entry.key, entry.value)
        }
        return true
    }

    /// Brings a changed post's imported comments in line with `comments`: unchanged rows stay
    /// (keeping their moderation state), changed rows are rewritten, new ones inserted, and
    /// rows the export no longer has are removed. Received pings are never touched.
    func replaceComments(_ comments: [Comment], hashes: [ContentHash], postID: Int) throws {
        var stored = try storedComments(ofPost: postID)
        for (seq, comment) in comments.enumerated() {
            try write(comment, hash: hashes[seq], seq: seq, postID: postID, against: &stored)
        }
        try delete(stored)
    }

    /// The imported comments stored for `postID`, by source id.
    func storedComments(ofPost postID: Int) throws -> [String: StoredRow] {
        var stored: [String: StoredRow] = [:]
        try statements().findImportedComments.forEachRow([postID]) { row in
            stored[row.string(1)] = StoredRow(id: row.int(0), hash: row.string(2), seq: row.int(3))
        }
        return stored
    }

    /// Writes `comment` as the `seq`th of `postID` (nil: a post not written, in a dry run): left
    /// as it is when unchanged, rewritten when changed, inserted when new. The stored comment it
    /// matches leaves `stored`. False, counting nothing, when a new comment's id is stored for the
    /// post already: the export had it before.
    @discardableResult
    func write(
        _ comment: Comment, hash: ContentHash, seq: Int, postID: Int?, against stored: inout [String: StoredRow]
    ) throws -> Bool {
        let sql = try statements()
        let kind = ImportKind(commentKind: comment.kind)
        let hash = hash.hex
        // A new site's comments meet an empty table: no id to hash.
        guard let existing = stored.isEmpty ? nil : stored.removeValue(forKey: comment.sourceID) else {
            if !dryRun, let postID, try !insert(comment, seq: seq, hash: hash, postID: postID) { return false }
            summary[kind].added += 1
            return true
        }
        if existing.hash == hash {
            if existing.seq != seq && !dryRun { try sql.updateCommentSeq.run(seq, existing.id) }
            summary[kind].unchanged += 1
            return true
        }
        if !dryRun {
            try sql.updateComment.run { parameters in
                try parameters.append(columnsOf: comment, includingKeys: false)
                try parameters.append(seq, hash, existing.id)
            }
            try sql.deleteCommentMeta.run(existing.id)
            for (metaSeq, entry) in comment.meta.enumerated() {
                try sql.insertCommentMeta.run(existing.id, metaSeq, entry.key, entry.value)
            }
        }
        summary[kind].updated += 1
        return true
    }

    /// Removes stored comments the export no longer has.
    func delete(_ stored: [String: StoredRow]) throws {
        guard !dryRun else { return }
        let sql = try statements()
        for leftover in stored.values {
            for dependent in sql.deleteCommentDependents { try dependent.run(leftover.id) }
            try sql.deleteComment.run(leftover.id)
        }
    }
}

/// An imported post or comment as stored: its row id, content hash and position.
struct StoredRow {
    let id: Int
    let hash: String
    let seq: Int
}
