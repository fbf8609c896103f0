import TrackwayCore

extension ImportSession {
    func insert(_ comment: Comment, seq: Int, hash: String, postID: Int) throws {
        let sql = try statements()
        try sql.insertComment.run { parameters in
            try parameters.append(postID, comment.sourceID)
            try comment.appendColumns(to: &parameters, seq: seq, hash: hash)
        }
        let commentID = Int(database.lastInsertRowID)
        for (metaSeq, entry) in comment.meta.enumerated() {
            try sql.insertCommentMeta.run(commentID, metaSeq, entry.key, entry.value)
        }
    }

    /// Brings a changed post's imported comments in line with `comments`: unchanged rows stay
    /// (keeping their moderation state), changed rows are rewritten, new ones inserted, and
    /// rows the export no longer has are removed. Received pings are never touched.
    func replaceComments(_ comments: [Comment], hashes: [ContentHash], postID: Int) throws {
        let sql = try statements()
        var stored: [String: (id: Int, hash: String, seq: Int)] = [:]
        try sql.findImportedComments.forEachRow([postID]) { row in
            stored[row.string(1)] = (row.int(0), row.string(2), row.int(3))
        }
        for (seq, comment) in comments.enumerated() {
            let kind = ImportKind(commentKind: comment.kind)
            let hash = hashes[seq].hex
            guard let existing = stored.removeValue(forKey: comment.sourceID) else {
                if !dryRun { try insert(comment, seq: seq, hash: hash, postID: postID) }
                summary[kind].added += 1
                continue
            }
            if existing.hash == hash {
                if existing.seq != seq && !dryRun { try sql.updateCommentSeq.run(seq, existing.id) }
                summary[kind].unchanged += 1
                continue
            }
            if !dryRun {
                try sql.updateComment.run { parameters in
                    try comment.appendColumns(to: &parameters, seq: seq, hash: hash)
                    try parameters.append(existing.id)
                }
                try sql.deleteCommentMeta.run(existing.id)
                for (metaSeq, entry) in comment.meta.enumerated() {
                    try sql.insertCommentMeta.run(existing.id, metaSeq, entry.key, entry.value)
                }
            }
            summary[kind].updated += 1
        }
        if !dryRun {
            for leftover in stored.values { try sql.deleteComment.run(leftover.id) }
        }
    }
}
