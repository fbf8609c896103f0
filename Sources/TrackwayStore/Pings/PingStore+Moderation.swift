import TrackwayCore

extension PingStore {
    static let pingColumns = """
        c.id, c.post_id, p.title, c.kind, c.status, c.author_url, c.source_title, c.blog_name, c.content,
        c.author_ip, c.origin, c.verification, c.created_at, c.spam_rule, c.spam_rule_match
        """

    static func ping(_ row: Row) -> Ping {
        Ping(
            id: row.int(0), postID: row.int(1), postTitle: row.string(2),
            kind: CommentKind(rawValue: row.string(3)) ?? .other, status: ModerationStatus(rawValue: row.string(4)) ?? .pending,
            sourceURL: row.string(5), sourceTitle: row.string(6), blogName: row.string(7), content: row.string(8),
            authorIP: row.string(9), origin: row.string(10),
            verification: VerificationState(rawValue: row.string(11)) ?? .unchecked, createdAt: row.string(12),
            spamRule: row.string(13), spamRuleMatch: row.string(14)
        )
    }

    /// Trackbacks, pingbacks and webmentions, newest first, optionally only those with `status`,
    /// and with `receivedOnly` only those this server received (not those an export brought).
    func pings(status: ModerationStatus? = nil, receivedOnly: Bool = false, limit: Int = 1_000) throws -> [Ping] {
        let statusFilter = status == nil ? "" : "AND c.status = ?"
        let originFilter = receivedOnly ? "AND c.origin = 'gateway'" : ""
        let statement = try database.statement("""
            SELECT \(Self.pingColumns) FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE c.kind IN ('trackback', 'pingback', 'webmention') \(statusFilter) \(originFilter)
            ORDER BY c.id DESC LIMIT ?
            """)
        var arguments: [any SQLBindable] = []
        if let status { arguments.append(status) }
        arguments.append(limit)
        var result: [Ping] = []
        try statement.forEachRow(arguments) { result.append(Self.ping($0)) }
        return result
    }

    /// The ping with comment id `id`.
    func ping(id: Int) throws -> Ping? {
        try database.statement("""
            SELECT \(Self.pingColumns) FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE c.id = ? AND c.kind IN ('trackback', 'pingback', 'webmention')
            """).firstRow(id).map(Self.ping)
    }

    /// Sets the moderation status of the pings `ids`; returns the ids that were not pings. A ping
    /// sent to spam or trash keeps the status it leaves, for `restore` (as WordPress keeps
    /// `_wp_trash_meta_status`); one approved or unapproved forgets it.
    func setStatus(_ status: ModerationStatus, ids: [Int]) throws -> [Int] {
        let keepsBefore = status == .spam || status == .trash
        return try database.transaction {
            var missing: [Int] = []
            for id in ids {
                try database.statement("""
                    UPDATE comments SET
                        status_before = CASE WHEN ? = 0 THEN '' WHEN status = ? THEN status_before ELSE status END,
                        status = ?, approved = ?
                    WHERE id = ? AND kind IN ('trackback', 'pingback', 'webmention')
                    """).run(keepsBefore ? 1 : 0, status, status, status.wordPressApproved, id)
                if database.changes == 0 { missing.append(id) }
            }
            return missing
        }
    }

    /// Deletes the pings `ids` (queue rows go with them); returns the ids that were not pings.
    func delete(ids: [Int]) throws -> [Int] {
        try database.transaction {
            var missing: [Int] = []
            for id in ids {
                try database.statement("DELETE FROM comments WHERE id = ? AND kind IN ('trackback', 'pingback', 'webmention')").run(id)
                if database.changes == 0 { missing.append(id) }
            }
            return missing
        }
    }

    /// Source URLs of the post's pingbacks, any status (`pingback.extensions.getPingbacks`).
    func pingbackSources(postID: Int) throws -> [String] {
        try database.statement("SELECT author_url FROM comments WHERE post_id = ? AND kind = 'pingback' ORDER BY id")
            .rows(postID).map { $0.string(0) }
    }

    /// The post's trackbacks (`mt.getTrackbackPings`, the TrackBack RSS), oldest first,
    /// optionally only the approved ones.
    func trackbacks(postID: Int, approvedOnly: Bool) throws -> [Ping] {
        let filter = approvedOnly ? "AND c.status = 'approved'" : ""
        return try database.statement("""
            SELECT \(Self.pingColumns) FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE c.post_id = ? AND c.kind = 'trackback' \(filter) ORDER BY c.id
            """).rows(postID).map(Self.ping)
    }
}
