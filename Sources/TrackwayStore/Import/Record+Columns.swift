import TrackwayCore

// Parameters in the column order of `ImportStatements.siteColumns`, `postColumns` and
// `commentColumns`; keep them in step with those lists.

extension Site {
    func appendColumns(to parameters: inout StatementParameters, hash: String) throws {
        try parameters.append(
            format.rawValue, title, link, description, language, baseSiteURL, baseBlogURL, wxrVersion,
            generator, pubDate, timeZone, hash)
    }
}

extension Post {
    func appendColumns(to parameters: inout StatementParameters, seq: Int, hash: String) throws {
        try parameters.append(
            seq, postType, status, title, link, pubDate, creator, guid, guidIsPermaLink, description,
            content, excerpt, postDate, postDateGMT, modified, modifiedGMT, commentStatus, pingStatus,
            slug, parentSourceID, menuOrder, password, isSticky, attachmentURL, replacedCharacters, hash)
    }
}

extension Comment {
    func appendColumns(to parameters: inout StatementParameters, seq: Int, hash: String) throws {
        try parameters.append(
            seq, kind.rawValue, commentType, author, authorEmail, authorURL, authorIP, date, dateGMT,
            content, approved, status.rawValue, parentSourceID, userID, sourceTitle, blogName, hash)
    }
}
