import TrackwayCore

extension PingStore {
    /// The page of the console's queue that `query` names, with the count of each status view.
    func consoleQueue(_ query: ConsoleQuery) throws -> ConsoleQueueListing {
        var filter = ConsoleFilter(query)
        var counts: [ModerationStatus: Int] = [:]
        try database.statement("""
            SELECT c.status, count(*) FROM comments c JOIN posts p ON p.id = c.post_id WHERE \(filter.conditions) GROUP BY c.status
            """).forEachRow(filter.arguments) { row in
            if let status = ModerationStatus(rawValue: row.string(0)) { counts[status] = row.int(1) }
        }
        if let status = query.status { filter.add("c.status = ?", status) }
        let perPage = max(1, query.perPage)
        // One row more than the page shows tells whether there is a next page. The pending count
        // names the kinds so comments_by_post answers it with three seeks: counting by post alone
        // read every comment of the post for each row (2.2 s for a page of a post with 300,000).
        let statement = try database.statement("""
            SELECT \(Self.pingColumns), c.author, p.link, p.site_id, c.date_gmt, coalesce(v.last_error, ''),
                (SELECT count(*) FROM comments w WHERE w.post_id = c.post_id AND w.kind IN \(Self.pingKinds) AND w.status = 'pending')
            FROM comments c JOIN posts p ON p.id = c.post_id LEFT JOIN verification_queue v ON v.comment_id = c.id
            WHERE \(filter.conditions) ORDER BY c.id DESC LIMIT ? OFFSET ?
            """)
        var rows: [ConsolePing] = []
        try statement.forEachRow(filter.arguments + [perPage + 1, (max(1, query.page) - 1) * perPage]) { row in
            let ping = Self.ping(row)
            let column = 15
            rows.append(ConsolePing(
                ping: ping, author: row.string(column), postLink: row.string(column + 1), siteID: row.int(column + 2),
                postPendingCount: row.int(column + 5), verificationError: row.string(column + 4),
                receivedAt: ping.createdAt.isEmpty ? row.string(column + 3) : ping.createdAt
            ))
        }
        let hasNextPage = rows.count > perPage
        return ConsoleQueueListing(rows: Array(rows.prefix(perPage)), counts: counts, hasNextPage: hasNextPage)
    }

    /// The sites, for the console's site filter, in the order they were first imported.
    func consoleSites() throws -> [ConsoleSite] {
        try database.statement("SELECT id, title, link, source_key FROM sites ORDER BY id").rows().map { row in
            let title = [row.string(1), row.string(2), row.string(3)].first { !$0.isEmpty } ?? "Site \(row.int(0))"
            return ConsoleSite(id: row.int(0), title: title)
        }
    }
}

/// The WHERE conditions of a console query but its status, and their arguments in order.
private struct ConsoleFilter {
    private(set) var conditions: String
    private(set) var arguments: [any SQLBindable] = []

    init(_ query: ConsoleQuery) {
        switch query.kind {
        case nil: conditions = "c.kind IN \(PingStore.pingKinds)"
        case let kind?:
            conditions = "c.kind = ?"
            arguments.append(kind.rawValue)
        }
        if let site = query.site { add("p.site_id = ?", site) }
        if !query.search.isEmpty {
            let pattern = "%" + Self.likeEscaped(query.search) + "%"
            let columns = ["c.author", "c.blog_name", "c.source_title", "c.author_url", "c.author_ip", "c.content"]
            conditions += " AND (" + columns.map { "lower(\($0)) LIKE lower(?) ESCAPE '\\'" }.joined(separator: " OR ") + ")"
            arguments += columns.map { _ in pattern }
        }
    }

    mutating func add(_ condition: String, _ argument: any SQLBindable) {
        conditions += " AND " + condition
        arguments.append(argument)
    }

    /// `text` with LIKE's wildcards and the escape character itself matched literally.
    private static func likeEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
