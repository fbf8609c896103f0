extension Store {
    /// One URL a post was reachable at, with the post facts a redirect target is built from.
    ///
    /// ```swift
    /// for row in try store.legacyURLRows(siteID: 1) { print(row.url, "→ post", row.postSourceID) }
    /// ```
    public struct LegacyURLRow: Sendable, Equatable {
        /// The URL as the export wrote it.
        public var url: String
        /// Where the URL came from: `link`, `guid`, `legacy` or `attachment`.
        public var kind: String
        /// The URL's position among its post's URLs.
        public var urlSeq: Int
        /// The post's row id, which orders posts in import order.
        public var postRowID: Int
        /// The post's id in the export (`wp:post_id`, or the MT entry's id).
        public var postSourceID: String
        public var postType: String
        public var slug: String
        /// Local time as written in the export, `YYYY-MM-DD HH:MM:SS`.
        public var postDate: String
        /// The slug of the post's first category; empty when it has none.
        public var firstCategorySlug: String
        /// The author's login (`dc:creator`).
        public var creator: String

        public init(url: String, kind: String, urlSeq: Int, postRowID: Int, postSourceID: String, postType: String,
                    slug: String, postDate: String, firstCategorySlug: String, creator: String) {
            self.url = url
            self.kind = kind
            self.urlSeq = urlSeq
            self.postRowID = postRowID
            self.postSourceID = postSourceID
            self.postType = postType
            self.slug = slug
            self.postDate = postDate
            self.firstCategorySlug = firstCategorySlug
            self.creator = creator
        }
    }

    /// Every URL the posts of `siteID` were reachable at, ordered by post, then by the URL's
    /// position in its post (link, guid, legacy forms, attachment file).
    public func legacyURLRows(siteID: Int) throws -> [LegacyURLRow] {
        let sql = """
        SELECT u.url, u.kind, u.seq, p.id, p.source_id, p.post_type, p.slug, p.post_date, p.creator,
            COALESCE((SELECT t.slug FROM post_terms t WHERE t.post_id = p.id AND t.taxonomy = 'category'
                      ORDER BY t.seq LIMIT 1), '')
        FROM post_urls u JOIN posts p ON p.id = u.post_id
        WHERE p.site_id = ?
        ORDER BY p.id, u.seq, u.url
        """
        return try database.statement(sql).rows(siteID).map { row in
            LegacyURLRow(
                url: row.string(0), kind: row.string(1), urlSeq: row.int(2), postRowID: row.int(3),
                postSourceID: row.string(4), postType: row.string(5), slug: row.string(6),
                postDate: row.string(7), firstCategorySlug: row.string(9), creator: row.string(8)
            )
        }
    }
}
