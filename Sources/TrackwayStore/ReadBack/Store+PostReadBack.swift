import TrackwayCore

extension Store {
    /// Calls `body` with each post of the site in original file order, fully populated (terms,
    /// meta, comments with meta, unknown elements, source fields, legacy URLs), holding only one
    /// post in memory at a time.
    ///
    /// Imported comments come in file order. With `includeReceived`, pings the gateway received
    /// follow them, oldest first, with an empty `sourceID` (they never had one) and `approved`
    /// derived from their moderation state.
    ///
    /// ```swift
    /// try store.forEachPost(siteID: site.id) { post in try writer.write(post) }
    /// ```
    public func forEachPost(siteID: Int, includeReceived: Bool = false, _ body: (Post) throws -> Void) throws {
        let sql = """
        SELECT id, source_id, post_type, status, title, link, pub_date, creator, guid, guid_is_permalink,
            description, content, excerpt, post_date, post_date_gmt, modified, modified_gmt, comment_status,
            ping_status, slug, parent_source_id, menu_order, password, is_sticky, attachment_url,
            replaced_characters
        FROM posts WHERE site_id = ? ORDER BY seq, id
        """
        try database.statement(sql).forEachRow([siteID]) { row in
            let postID = row.int(0)
            var post = Post(sourceID: row.string(1))
            post.postType = row.string(2)
            post.status = row.string(3)
            post.title = row.string(4)
            post.link = row.string(5)
            post.pubDate = row.string(6)
            post.creator = row.string(7)
            post.guid = row.string(8)
            post.guidIsPermaLink = row.int(9) != 0
            post.description = row.string(10)
            post.content = row.string(11)
            post.excerpt = row.string(12)
            post.postDate = row.string(13)
            post.postDateGMT = row.string(14)
            post.modified = row.string(15)
            post.modifiedGMT = row.string(16)
            post.commentStatus = row.string(17)
            post.pingStatus = row.string(18)
            post.slug = row.string(19)
            post.parentSourceID = row.string(20)
            post.menuOrder = row.int(21)
            post.password = row.string(22)
            post.isSticky = row.int(23) != 0
            post.attachmentURL = row.string(24)
            post.replacedCharacters = row.int(25)
            try readChildren(into: &post, postID: postID, includeReceived: includeReceived)
            try body(post)
        }
    }

    private func readChildren(into post: inout Post, postID: Int, includeReceived: Bool) throws {
        post.terms = try database.statement("SELECT taxonomy, slug, name FROM post_terms WHERE post_id = ? ORDER BY seq")
            .rows(postID).map { PostTerm(taxonomy: $0.string(0), slug: $0.string(1), name: $0.string(2)) }
        post.meta = try database.statement("SELECT key, value FROM post_meta WHERE post_id = ? ORDER BY seq")
            .rows(postID).map { MetaEntry(key: $0.string(0), value: $0.string(1)) }
        post.sourceFields = try database.statement(
            "SELECT key, value FROM post_source_fields WHERE post_id = ? ORDER BY seq"
        ).rows(postID).map { MetaEntry(key: $0.string(0), value: $0.string(1)) }
        post.unknownElements = try database.statement("SELECT xml FROM post_extras WHERE post_id = ? ORDER BY seq")
            .rows(postID).map { $0.string(0) }
        post.legacyURLs = try database.statement(
            "SELECT url FROM post_urls WHERE post_id = ? AND kind = 'legacy' ORDER BY seq"
        ).rows(postID).map { $0.string(0) }
        post.comments = try comments(postID: postID, includeReceived: includeReceived)
    }

    private func comments(postID: Int, includeReceived: Bool) throws -> [Comment] {
        let sql = """
        SELECT id, source_id, comment_type, author, author_email, author_url, author_ip, date, date_gmt,
            content, approved, parent_source_id, user_id, source_title, blog_name, origin, status
        FROM comments WHERE post_id = ? AND (origin = 'import' OR ?)
        ORDER BY origin <> 'import', seq, id
        """
        let metaSQL = """
        SELECT m.comment_id, m.key, m.value FROM comment_meta m JOIN comments c ON c.id = m.comment_id
        WHERE c.post_id = ? ORDER BY m.comment_id, m.seq
        """
        var metaByComment: [Int: [MetaEntry]] = [:]
        try database.statement(metaSQL).forEachRow([postID]) { row in
            metaByComment[row.int(0), default: []].append(MetaEntry(key: row.string(1), value: row.string(2)))
        }
        return try database.statement(sql).rows(postID, includeReceived).map { row in
            var comment = Comment(sourceID: row.string(1))
            comment.commentType = row.string(2)
            comment.author = row.string(3)
            comment.authorEmail = row.string(4)
            comment.authorURL = row.string(5)
            comment.authorIP = row.string(6)
            comment.date = row.string(7)
            comment.dateGMT = row.string(8)
            comment.content = row.string(9)
            comment.approved = row.string(15) == "import"
                ? row.string(10)
                : (ModerationStatus(rawValue: row.string(16)) ?? .pending).wordPressApproved
            comment.parentSourceID = row.string(11)
            comment.userID = row.int(12)
            comment.sourceTitle = row.string(13)
            comment.blogName = row.string(14)
            comment.meta = metaByComment[row.int(0)] ?? []
            return comment
        }
    }
}
