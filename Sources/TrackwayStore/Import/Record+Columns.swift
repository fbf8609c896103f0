import TrackwayCore

// Argument lists in the column order of `ImportStatements.siteColumns`, `postColumns` and
// `commentColumns`; keep them in step with those lists.

extension Site {
    func columnValues(hash: String) -> [any SQLBindable] {
        [format.rawValue, title, link, description, language, baseSiteURL, baseBlogURL, wxrVersion,
         generator, pubDate, timeZone, hash]
    }
}

extension Post {
    func columnValues(seq: Int, hash: String) -> [any SQLBindable] {
        [seq, postType, status, title, link, pubDate, creator, guid, guidIsPermaLink, description,
         content, excerpt, postDate, postDateGMT, modified, modifiedGMT, commentStatus, pingStatus,
         slug, parentSourceID, menuOrder, password, isSticky, attachmentURL, replacedCharacters, hash]
    }
}

extension Comment {
    func columnValues(seq: Int, hash: String) -> [any SQLBindable] {
        [seq, kind.rawValue, commentType, author, authorEmail, authorURL, authorIP, date, dateGMT,
         content, approved, status.rawValue, parentSourceID, userID, sourceTitle, blogName, hash]
    }
}
