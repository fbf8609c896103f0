import TrackwayCore

/// The queries behind `PingRepository` and the CLI's ping commands, on one connection:
/// resolving legacy URLs to posts, storing received pings with de-duplication, moderation, and
/// the verification, notification and Webmention queues.
///
/// ```swift
/// let store = PingStore(database: try Database(path: "trackway.sqlite"))
/// if let post = try store.post(forURLKey: LegacyURLKey("http://blog.example/2008/01/hello/")!) { … }
/// ```
///
/// Like `Database`, a store is confined to one task or thread at a time.
final class PingStore {
    let database: Database

    init(database: Database) {
        self.database = database
    }

    static let targetColumns = """
        p.id, p.site_id, p.source_id, p.post_type, p.status, p.ping_status, p.title, p.link, p.guid,
        (SELECT MIN(t.trackback_id) FROM trackback_targets t WHERE t.post_id = p.id AND t.is_disabled = 0)
        """

    static func target(_ row: Row) -> PingTarget {
        PingTarget(
            postID: row.int(0), siteID: row.int(1), sourceID: row.string(2), postType: row.string(3),
            status: row.string(4), pingStatus: row.string(5), title: row.string(6), link: row.string(7),
            guid: row.string(8), movableTypeTrackbackID: row.isNull(9) ? nil : row.int(9)
        )
    }

    /// Orders items that share a post id (or a URL) as WordPress's importer keeps them: first those
    /// its post path imports and that then hold the id (a post type, not a menu item, not an
    /// auto-draft), then the others; within each, file order (the lower row id), since a repeated
    /// id is skipped after the first.
    static let wordPressKeepsFirst = "(p.post_type IN ('', 'nav_menu_item') OR p.status = 'auto-draft'), p.id"

    /// The post a legacy URL resolves to: of the items with the post id of an item that had the
    /// URL, the one WordPress's importer keeps (`wordPressKeepsFirst`). In WordPress an id, and so
    /// `?p=42`, belongs to that item: an item without a post type before a page with its id is
    /// skipped, and the page holds the id.
    func post(forURLKey key: LegacyURLKey) throws -> PingTarget? {
        try database.statement("""
            SELECT \(Self.targetColumns) FROM post_urls u JOIN posts k ON k.id = u.post_id
            JOIN posts p ON p.site_id = k.site_id AND p.source_id = k.source_id
            WHERE u.url_key = ? ORDER BY \(Self.wordPressKeepsFirst) LIMIT 1
            """).firstRow(key.value).map(Self.target)
    }

    /// The post whose source id (WordPress post ID, MT entry id) is `sourceID`, preferring the site
    /// whose blog URL has `host`, then the first site; of the items sharing the id in a site, the
    /// one WordPress's importer keeps.
    ///
    /// Sites come first (`CROSS JOIN` fixes SQLite's join order; PostgreSQL plans it as any
    /// join), so each site's posts are searched by `(site_id, source_id)`. Joined the other way,
    /// SQLite scanned every post's key: 50 ms a ping at 194,000 posts.
    func post(sourceID: String, host: String?) throws -> PingTarget? {
        let rows = try database.statement("""
            SELECT \(Self.targetColumns), s.link, s.base_blog_url FROM sites s CROSS JOIN posts p
            WHERE p.site_id = s.id AND p.source_id = ? ORDER BY p.site_id, \(Self.wordPressKeepsFirst) LIMIT 16
            """).rows(sourceID)
        if let host, rows.count > 1,
           let match = rows.first(where: { LegacyURLKey($0.string(10))?.host == host || LegacyURLKey($0.string(11))?.host == host }) {
            return Self.target(match)
        }
        return rows.first.map(Self.target)
    }

    /// The post with database id `id`.
    func post(id: Int) throws -> PingTarget? {
        try database.statement("SELECT \(Self.targetColumns) FROM posts p WHERE p.id = ?").firstRow(id).map(Self.target)
    }

    /// Every URL key that resolves to the post, for recognising any of its old addresses in a link.
    func urlKeys(ofPost postID: Int) throws -> Set<String> {
        Set(try database.statement("SELECT url_key FROM post_urls WHERE post_id = ?").rows(postID).map { $0.string(0) })
    }

    /// The hosts (normalised as in `LegacyURLKey`) the imported sites lived at.
    func siteHosts() throws -> Set<String> {
        var hosts = Set<String>()
        for row in try database.statement("SELECT link, base_site_url, base_blog_url FROM sites").rows() {
            for index in 0..<3 {
                if let host = LegacyURLKey(row.string(index))?.host { hosts.insert(host) }
            }
        }
        return hosts
    }

    /// True when the post already has a comment of any kind or status from `sourceURL`.
    func hasPing(postID: Int, sourceURL: String) throws -> Bool {
        try database.statement("SELECT 1 FROM comments WHERE post_id = ? AND author_url = ? LIMIT 1")
            .firstRow(postID, sourceURL) != nil
    }

    /// Stores `ping` in one transaction, with its verification and notification queue rows,
    /// unless the post already has a comment from the same source URL: an imported one, found by
    /// a query, or a received one, refused by the unique index on received pings' sources
    /// (`comments_received_from`), so that two nodes storing the same ping at once store it once.
    func insert(_ ping: NewPing) throws -> PingInsertResult {
        try database.transaction {
            if try hasPing(postID: ping.postID, sourceURL: ping.sourceURL) { return .duplicate }
            let now = StoreClock.text(StoreClock.seconds())
            let inserted = try database.statement("""
                INSERT INTO comments(post_id, kind, comment_type, author, author_url, author_ip, date, date_gmt,
                    content, approved, status, source_title, blog_name, origin, received_via, verification, created_at,
                    spam_rule, spam_rule_match)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'gateway', ?, ?, ?, ?, ?)
                ON CONFLICT (post_id, author_url) WHERE origin = 'gateway' DO NOTHING
                RETURNING id
                """).firstRow(
                    ping.postID, ping.kind, ping.kind.rawValue,
                    ping.kind == .trackback ? ping.blogName : ping.sourceTitle,
                    ping.sourceURL, ping.authorIP, now, now, ping.content, ping.status.wordPressApproved, ping.status,
                    ping.sourceTitle, ping.blogName, ping.kind.rawValue, ping.verification.rawValue, now, ping.spamRule, ping.spamRuleMatch
                )
            guard let id = inserted?.int(0) else { return .duplicate }
            if ping.verification == .queued {
                try database.statement("INSERT INTO verification_queue(comment_id) VALUES (?)").run(id)
            }
            if let payload = ping.notificationPayload {
                try database.statement("INSERT INTO notification_queue(comment_id, payload) VALUES (?, ?)").run(id, payload)
            }
            return .inserted(id)
        }
    }
}

extension LegacyURLKey {
    /// The host part of the key (before the first `/` or `?`).
    var host: String {
        String(value.prefix { $0 != "/" && $0 != "?" })
    }
}
