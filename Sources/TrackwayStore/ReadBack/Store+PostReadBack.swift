import TrackwayCore

extension Store {
    /// Calls `body` with each post of the site in original file order, populated but for its
    /// comments (terms, meta, unknown elements, source fields, legacy URLs), and with the
    /// post's comments to read one at a time; only one post is held in memory at a time, and
    /// none of its comments.
    ///
    /// ```swift
    /// try store.forEachPost(siteID: site.id) { post, comments in
    ///     try writer.write(post: post, comments: comments.forEach)
    /// }
    /// ```
    public func forEachPost(siteID: Int, includeReceived: Bool = false, _ body: (Post, PostComments) throws -> Void) throws {
        let sql = Post.selectSQL(leading: ["id"]) + " WHERE site_id = ? ORDER BY seq, id"
        try database.statement(sql).forEachRow([siteID]) { row in
            let postID = row.int(0)
            var post = try Post.read(row, from: 1, owner: "post \(postID)")
            try readChildren(into: &post, postID: postID)
            try body(post, PostComments(database: database, postID: postID, includeReceived: includeReceived))
        }
    }

    private func readChildren(into post: inout Post, postID: Int) throws {
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
    }
}
