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
        /// `wp:status` (`publish`, `draft`, `inherit`, …).
        public var status: String
        public var slug: String
        /// `wp:post_parent`; `0` for none.
        public var parentSourceID: String
        /// 0 for the item WordPress keeps of those sharing its post id, then 1, 2, … for the
        /// others in the order WordPress would take them (`PingStore.wordPressKeepsFirst`).
        public var keepRank: Int
        /// Local time as written in the export, `YYYY-MM-DD HH:MM:SS`.
        public var postDate: String
        /// The slug of the post's first category; empty when it has none.
        public var firstCategorySlug: String
        /// The author's login (`dc:creator`).
        public var creator: String

        public init(url: String, kind: String, urlSeq: Int, postRowID: Int, postSourceID: String, postType: String,
                    status: String, slug: String, parentSourceID: String, keepRank: Int, postDate: String,
                    firstCategorySlug: String, creator: String) {
            self.url = url
            self.kind = kind
            self.urlSeq = urlSeq
            self.postRowID = postRowID
            self.postSourceID = postSourceID
            self.postType = postType
            self.status = status
            self.slug = slug
            self.parentSourceID = parentSourceID
            self.keepRank = keepRank
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
                      ORDER BY t.seq LIMIT 1), ''),
            p.status, p.parent_source_id, p.keep_rank
        FROM post_urls u JOIN (
            SELECT p.id, p.source_id, p.post_type, p.status, p.slug, p.parent_source_id, p.post_date, p.creator,
                ROW_NUMBER() OVER (PARTITION BY p.source_id ORDER BY \(PingStore.wordPressKeepsFirst)) - 1 AS keep_rank
            FROM posts p WHERE p.site_id = ?
        ) p ON p.id = u.post_id
        ORDER BY p.id, u.seq, u.url
        """
        return try database.statement(sql).rows(siteID).map { row in
            LegacyURLRow(
                url: row.string(0), kind: row.string(1), urlSeq: row.int(2), postRowID: row.int(3),
                postSourceID: row.string(4), postType: row.string(5), status: row.string(10), slug: row.string(6),
                parentSourceID: row.string(11), keepRank: row.int(12), postDate: row.string(7),
                firstCategorySlug: row.string(9), creator: row.string(8)
            )
        }
    }

    /// One item of a site with the fields its descendants' permalinks and statuses read.
    public struct RedirectPostRow: Sendable, Equatable {
        /// `wp:post_id`, or the MT entry's id.
        public var sourceID: String
        public var postType: String
        /// `wp:status`.
        public var status: String
        /// `wp:post_name`.
        public var slug: String
        /// `wp:post_parent`; `0` for none.
        public var parentSourceID: String
        /// The `_wp_trash_meta_status` meta of a trashed item; empty when it has none.
        public var statusBeforeTrash: String
    }

    /// The items of `siteID` in the order WordPress keeps items sharing a post id
    /// (`PingStore.wordPressKeepsFirst`): the first of an id is the one WordPress's importer maps
    /// a `wp:post_parent` to.
    public func redirectPostRows(siteID: Int) throws -> [RedirectPostRow] {
        let sql = """
        SELECT p.source_id, p.post_type, p.status, p.slug, p.parent_source_id,
            COALESCE((SELECT m.value FROM post_meta m WHERE m.post_id = p.id AND m.key = '_wp_trash_meta_status'
                      ORDER BY m.seq LIMIT 1), '')
        FROM posts p WHERE p.site_id = ?
        ORDER BY \(PingStore.wordPressKeepsFirst)
        """
        return try database.statement(sql).rows(siteID).map { row in
            RedirectPostRow(sourceID: row.string(0), postType: row.string(1), status: row.string(2), slug: row.string(3),
                            parentSourceID: row.string(4), statusBeforeTrash: row.string(5))
        }
    }
}
