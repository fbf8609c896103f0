import TrackwayCore

/// Which stored post a Movable Type entry is, and the comments and pings that a later backup of
/// a blog no longer holds.
extension ImportSession {
    /// The stored row of `post` (id, content hash, seq first) and the occurrence it has or takes,
    /// given the occurrence `admit` counted for it.
    ///
    /// An item of any other site is that occurrence of its source id. An entry of a Movable Type
    /// site is found as MT tells its entries apart: by its `entry.id` when it has one (a
    /// backup's), else by its basename and date, which is all MT's text export shares with the
    /// backup. The basename alone is not enough: MT makes a basename unique in its blog only when
    /// it writes one itself, not when the author types it, and a page's only within its folder
    /// (`MT::CMS::Entry::save`), so two entries of other dates may share it. An entry of a text
    /// export of a site no backup was imported into falls back to its occurrence, as before, so
    /// that re-importing an export whose entry's date changed still updates it; one found nowhere
    /// takes an occurrence no stored row has (a backup's entry is not counted by `admit`).
    func findStoredPost(_ post: Post, in current: SiteImportState, counted occurrence: Int) throws -> (row: Row?, occurrence: Int) {
        // A dry run of a site the store does not hold yet: nothing to find, nothing to collide with.
        guard let siteID = current.id else { return (nil, occurrence) }
        let sql = try statements()
        guard current.matchesMovableTypeEntries else {
            return (current.isNew ? nil : try sql.findPost.firstRow(siteID, post.sourceID, occurrence), occurrence)
        }
        let entries = try movableTypeEntryStatements()
        let entryID = post.movableTypeEntryID
        if current.isNew {
            return (nil, entryID == nil ? occurrence : try entries.nextOccurrence.firstRow(siteID, post.sourceID)?.int(0) ?? 0)
        }
        if let entryID, let row = try entries.findPostByEntryID.firstRow(entryID, siteID) {
            return (row, row.int(3))
        }
        var sameDate: Row?
        try entries.findPostsByDate.forEachRow([siteID, post.sourceID, post.postDate]) { row in
            // A backup's entry meets the text export's (no entry id), never another entry of a backup.
            if sameDate == nil && (entryID == nil || row.int(4) == 0) { sameDate = row }
        }
        if let sameDate { return (sameDate, sameDate.int(3)) }
        if entryID == nil && !current.keepsStoredRecords, let row = try sql.findPost.firstRow(siteID, post.sourceID, occurrence) {
            return (row, occurrence)
        }
        return (nil, try entries.nextOccurrence.firstRow(siteID, post.sourceID)?.int(0) ?? occurrence)
    }

    /// Notes that this import holds the stored post `postID`, when the site is a re-imported
    /// backup's.
    func noteMet(post postID: Int, in current: SiteImportState) throws {
        guard current.removesVanishedComments else { return }
        try vanishedCommentStatements().markPost.run(postID)
    }

    /// Notes that this import holds the comment or ping `sourceID` of the post `postID`, when the
    /// site is a re-imported backup's.
    func noteMet(comment sourceID: String, ofPost postID: Int, in current: SiteImportState) throws {
        guard current.removesVanishedComments else { return }
        try vanishedCommentStatements().markComment.run(postID, sourceID)
    }

    /// Removes the imported comments and pings of the posts this import met that it did not
    /// hold: a comment deleted in MT leaves the database as one removed from a WXR file does
    /// (`replaceComments`). The posts a later backup no longer holds stay, with their comments,
    /// as an export's vanished posts do.
    func removeVanishedComments() throws {
        guard let sql = preparedVanishedCommentStatements else { return }
        for delete in sql.deleteVanished { try delete.run() }
        for forget in sql.forget { try forget.run() }
    }
}
