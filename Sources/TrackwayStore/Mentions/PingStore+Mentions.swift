import TrackwayCore

extension PingStore {
    /// What every mention query reads from: approved items of published posts without a
    /// password, as the old blog showed them to the public.
    private static let visibleMentions = """
        FROM comments c JOIN posts p ON p.id = c.post_id
        WHERE c.status = 'approved' AND p.status = 'publish' AND p.password = ''
        """

    /// An item's UTC date from its export; NULL when there was none (empty, or WordPress's zero date).
    private static let dateGMT = "NULLIF(NULLIF(c.date_gmt, ''), '0000-00-00 00:00:00')"

    /// When an item arrived, in UTC: stored by this server, or the export's GMT date (its local
    /// date when it had none).
    private static let receivedAt = "COALESCE(NULLIF(c.created_at, ''), \(dateGMT), c.date)"

    /// The approved mentions `query` selects, in its order: one statement over the comments of
    /// the posts (index `comments_by_post`).
    func mentions(_ query: MentionQuery) throws -> [Mention] {
        guard !query.postIDs.isEmpty, !query.kinds.isEmpty, query.limit > 0 else { return [] }
        let kinds = query.kinds.sorted { $0.rawValue < $1.rawValue }
        var sql = """
            SELECT c.id, c.post_id, c.kind, c.source_id, c.author, c.author_url, c.source_title, c.blog_name, c.content,
                c.date, c.date_gmt, \(Self.receivedAt)
            \(Self.visibleMentions)
            AND c.post_id IN (\(Self.placeholders(query.postIDs.count))) AND c.kind IN (\(Self.placeholders(kinds.count)))
            """
        var arguments: [any SQLBindable] = query.postIDs
        arguments.append(contentsOf: kinds as [any SQLBindable])
        if let receivedAfter = query.receivedAfter {
            sql += " AND \(Self.receivedAt) > ?"
            arguments.append(receivedAfter)
        }
        if let afterID = query.afterID {
            sql += " AND c.id > ?"
            arguments.append(afterID)
        }
        let direction = query.descending ? "DESC" : "ASC"
        let byArrival = "\(Self.receivedAt) \(direction), c.id \(direction)"
        switch query.order {
        case .created, .updated:
            sql += " ORDER BY \(byArrival)"
        case .published:
            // Pings have no published date: spelled out where they go, as PostgreSQL puts NULLs
            // the other way round from SQLite.
            let pings = query.descending ? "NULLS LAST" : "NULLS FIRST"
            sql += " ORDER BY CASE WHEN c.kind = 'comment' THEN \(Self.dateGMT) END \(direction) \(pings), \(byArrival)"
        }
        sql += " LIMIT ? OFFSET ?"
        arguments.append(query.limit)
        arguments.append(query.offset)
        var result: [Mention] = []
        result.reserveCapacity(min(query.limit, 100))
        try database.statement(sql).forEachRow(arguments) { row in
            result.append(Mention(
                id: row.int(0), postID: row.int(1), kind: CommentKind(rawValue: row.string(2)) ?? .other,
                sourceID: row.string(3), author: row.string(4), authorURL: row.string(5), sourceTitle: row.string(6),
                blogName: row.string(7), content: row.string(8), date: row.string(9), dateGMT: row.string(10),
                receivedAt: row.string(11)
            ))
        }
        return result
    }

    /// How many approved comments and pings of each kind the public posts `postIDs` hold.
    func mentionCounts(postIDs: [Int]) throws -> MentionCounts {
        guard !postIDs.isEmpty else { return MentionCounts() }
        var counts = MentionCounts()
        try database.statement("""
            SELECT c.kind, count(*) \(Self.visibleMentions)
            AND c.post_id IN (\(Self.placeholders(postIDs.count))) AND c.kind IN ('comment', 'trackback', 'pingback', 'webmention')
            GROUP BY c.kind
            """).forEachRow(postIDs) { row in
            if let kind = CommentKind(rawValue: row.string(0)) { counts.byKind[kind] = row.int(1) }
        }
        return counts
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
