extension PingStore {
    /// The post with database id `id`, with its content and its site, for sending its pings.
    func outboundPost(id: Int) throws -> OutboundPost? {
        try database.statement("""
            SELECT p.id, p.title, p.link, p.content, p.excerpt, p.status, p.post_type, s.title, s.link, s.base_blog_url, s.base_site_url
            FROM posts p JOIN sites s ON s.id = p.site_id WHERE p.id = ?
            """).firstRow(id).map { row in
                OutboundPost(
                    postID: row.int(0), title: row.string(1), link: row.string(2), content: row.string(3),
                    excerpt: row.string(4), status: row.string(5), postType: row.string(6), siteTitle: row.string(7),
                    siteURLs: [row.string(8), row.string(9), row.string(10)].filter { !$0.isEmpty }
                )
            }
    }

    /// Every recorded ping of the post, by target URL.
    func outboundPings(postID: Int) throws -> [OutboundPing] {
        try database.statement("""
            SELECT post_id, target_url, protocol, endpoint, outcome, message, pinged, sent_at
            FROM outbound_pings WHERE post_id = ? ORDER BY target_url
            """).rows(postID).map { row in
                OutboundPing(
                    postID: row.int(0), targetURL: row.string(1), pingProtocol: row.string(2), endpoint: row.string(3),
                    outcome: row.string(4), message: row.string(5), pinged: row.int(6) != 0, sentAt: row.string(7)
                )
            }
    }

    /// Records an attempt, replacing the earlier one for the same post and target; stamps the time.
    func record(_ ping: OutboundPing) throws {
        try database.statement("""
            INSERT INTO outbound_pings(post_id, target_url, protocol, endpoint, outcome, message, pinged, sent_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(post_id, target_url) DO UPDATE SET protocol = excluded.protocol, endpoint = excluded.endpoint,
                outcome = excluded.outcome, message = excluded.message, pinged = excluded.pinged, sent_at = excluded.sent_at
            """).run(ping.postID, ping.targetURL, ping.pingProtocol, ping.endpoint, ping.outcome, ping.message, ping.pinged, StoreClock.text(StoreClock.seconds()))
    }
}
