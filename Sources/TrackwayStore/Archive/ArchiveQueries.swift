import TrackwayCore

/// The SQL behind `ArchiveReader`, on one connection. What the public may see is decided by
/// `isPublic` and the `approved` conditions here, and nowhere else.
///
/// Like `Database`, confined to one task or thread at a time.
struct ArchiveQueries {
    let database: Database

    /// A public item `p`: a published post or page; an attachment that is not private, trashed or
    /// an auto-draft, and whose status, when it inherits one, is its parent's (an unattached one
    /// counts as published), as WordPress's `get_post_status`.
    static let isPublic = """
        (p.post_type IN ('post', 'page') AND p.status = 'publish'
         OR p.post_type = 'attachment' AND (
            p.status NOT IN ('inherit', 'private', 'trash', 'auto-draft')
            OR p.status = 'inherit' AND (
                p.parent_source_id IN ('', '0')
                OR EXISTS (SELECT 1 FROM posts a WHERE a.site_id = p.site_id AND a.source_id = p.parent_source_id AND a.status = 'publish')
                OR NOT EXISTS (SELECT 1 FROM posts a WHERE a.site_id = p.site_id AND a.source_id = p.parent_source_id))))
        """

    /// Comment kinds shown as comments, and as pings.
    static let commentKinds = "('comment')"
    static let pingKinds = "('trackback', 'pingback', 'webmention')"

    /// The address an item `p` had: its permalink, else its first other recorded address, else its guid.
    static let link = """
        CASE WHEN p.link <> '' THEN p.link ELSE coalesce(
            (SELECT u.url FROM post_urls u WHERE u.post_id = p.id AND u.kind = 'legacy' ORDER BY u.seq LIMIT 1), p.guid) END
        """

    /// The columns `post(_:)` reads, on `posts p JOIN sites s`.
    static let postColumns = """
        p.id, p.site_id, p.source_id, p.post_type, p.title, \(link), p.creator,
        coalesce((SELECT nullif(w.display_name, '') FROM authors w WHERE w.site_id = p.site_id AND w.login = p.creator), p.creator),
        CASE WHEN p.password = '' THEN p.content ELSE '' END,
        CASE WHEN p.password = '' THEN coalesce((SELECT f.value FROM post_source_fields f WHERE f.post_id = p.id AND f.key = 'EXTENDED BODY' ORDER BY f.seq LIMIT 1), '') ELSE '' END,
        CASE WHEN p.password = '' THEN p.excerpt ELSE '' END,
        p.post_date_gmt, p.post_date, p.modified_gmt, p.modified, s.format,
        coalesce((SELECT f.value FROM post_source_fields f WHERE f.post_id = p.id AND f.key = 'CONVERT BREAKS' ORDER BY f.seq LIMIT 1), ''),
        p.attachment_url, p.parent_source_id, p.password <> '', p.comment_status, p.ping_status,
        CASE WHEN p.password = '' THEN (SELECT count(*) FROM comments c WHERE c.post_id = p.id AND c.kind IN \(commentKinds) AND c.status = 'approved') ELSE 0 END,
        CASE WHEN p.password = '' THEN (SELECT count(*) FROM comments c WHERE c.post_id = p.id AND c.kind IN \(pingKinds) AND c.status = 'approved') ELSE 0 END
        """

    // MARK: Sites

    func sites() throws -> [ArchiveSite] {
        try database.statement("""
            SELECT id, source_key, format, title, description, language, link, base_site_url, base_blog_url, time_zone
            FROM sites ORDER BY id
            """).rows().map { row in
            var hosts: [String] = []
            for index in 6...8 {
                if let host = LegacyURLKey(row.string(index))?.host, !hosts.contains(host) { hosts.append(host) }
            }
            if hosts.isEmpty {
                // A Movable Type file names no blog URL; its entries' addresses do.
                for url in try database.statement("""
                    SELECT u.url FROM posts p JOIN post_urls u ON u.post_id = p.id WHERE p.site_id = ? ORDER BY p.id LIMIT 64
                    """).rows(row.int(0)) {
                    if let host = LegacyURLKey(url.string(0))?.host, !hosts.contains(host) { hosts.append(host) }
                }
            }
            return ArchiveSite(
                id: row.int(0), sourceKey: row.string(1), format: try Store.sourceFormat(row.string(2), siteID: row.int(0)),
                title: row.string(3), description: row.string(4), language: row.string(5), link: row.string(6),
                hosts: hosts, timeZone: row.string(9)
            )
        }
    }

    // MARK: Posts

    func post(id: Int) throws -> ArchivePost? {
        guard let row = try database.statement("""
            SELECT \(Self.postColumns) FROM posts p JOIN sites s ON s.id = p.site_id WHERE p.id = ? AND \(Self.isPublic)
            """).firstRow(id) else { return nil }
        return try post(row)
    }

    func posts(site: Int, filter: ArchiveFilter, page: Int, perPage: Int) throws -> ArchivePage<ArchivePost> {
        let selection = ArchiveSelection(site: site, filter: filter, on: database)
        let from = "FROM posts p JOIN sites s ON s.id = p.site_id WHERE \(selection.condition)"
        var total = 0
        try database.statement(selection.with + "SELECT count(*) " + from).forEachRow(selection.arguments) { total = $0.int(0) }
        let page = max(page, 1)
        var rows: [Row] = []
        try database.statement(selection.with + "SELECT \(Self.postColumns) \(from) ORDER BY p.post_date DESC, p.id DESC LIMIT ? OFFSET ?")
            .forEachRow(selection.arguments + [perPage, (page - 1) * perPage]) { rows.append($0) }
        return ArchivePage(items: try rows.map(post), total: total, page: page, perPage: perPage)
    }

    private func post(_ row: Row) throws -> ArchivePost {
        let id = row.int(0)
        let siteID = row.int(1)
        var categories: [ArchiveTerm] = []
        var tags: [ArchiveTerm] = []
        for term in try database.statement("""
            SELECT taxonomy, slug, name FROM post_terms WHERE post_id = ? AND taxonomy IN ('category', 'post_tag') ORDER BY seq
            """).rows(id) {
            let taxonomy = term.string(0)
            let slug = term.string(1)
            let path = taxonomy == "category" ? try self.path(site: siteID, taxonomy: taxonomy, slug: slug) : [slug]
            let archiveTerm = ArchiveTerm(taxonomy: taxonomy, slug: slug, name: term.string(2), path: path)
            if taxonomy == "category" { categories.append(archiveTerm) } else { tags.append(archiveTerm) }
        }
        let postType = row.string(3)
        let parentSourceID = row.string(18)
        var parent: ArchivePostReference?
        if postType == "attachment", parentSourceID != "0", !parentSourceID.isEmpty {
            parent = try database.statement("""
                SELECT p.id, p.title, \(Self.link) FROM posts p
                WHERE p.site_id = ? AND p.source_id = ? AND \(Self.isPublic) ORDER BY \(PingStore.wordPressKeepsFirst) LIMIT 1
                """).firstRow(siteID, parentSourceID).map { ArchivePostReference(id: $0.int(0), title: $0.string(1), link: $0.string(2)) }
        }
        return ArchivePost(
            id: id, siteID: siteID, sourceID: row.string(2), postType: postType, title: row.string(4), link: row.string(5),
            authorLogin: row.string(6), authorName: row.string(7), categories: categories, tags: tags,
            content: row.string(8), moreContent: row.string(9), excerpt: row.string(10),
            date: ArchiveDate(utc: row.string(11), local: row.string(12)),
            modified: ArchiveDate(utc: row.string(13), local: row.string(14)),
            format: try Store.sourceFormat(row.string(15), siteID: siteID), convertBreaks: row.string(16),
            attachmentURL: row.string(17), parent: parent, isPasswordProtected: row.int(19) != 0,
            commentStatus: row.string(20), pingStatus: row.string(21), commentCount: row.int(22), pingCount: row.int(23)
        )
    }

    // MARK: Terms and authors

    /// The slugs from the term's top-level ancestor down to it; `[slug]` for a term the site
    /// never declared.
    func path(site: Int, taxonomy: String, slug: String) throws -> [String] {
        let ancestors = try database.statement("""
            WITH RECURSIVE up(slug, parent, depth) AS (
                SELECT slug, parent_slug, 0 FROM terms WHERE site_id = ?1 AND taxonomy = ?2 AND slug = ?3
                UNION ALL
                SELECT t.slug, t.parent_slug, up.depth + 1 FROM up JOIN terms t ON t.site_id = ?1 AND t.taxonomy = ?2 AND t.slug = up.parent
                WHERE up.parent <> '' AND up.depth < 16
            )
            SELECT slug FROM up ORDER BY depth DESC
            """).rows(site, taxonomy, slug).map { $0.string(0) }
        return ancestors.isEmpty ? [slug] : ancestors
    }

    func term(site: Int, taxonomy: String, slug: String) throws -> ArchiveTerm? {
        guard let row = try database.statement("SELECT slug, name FROM terms WHERE site_id = ? AND taxonomy = ? AND slug = ?")
            .firstRow(site, taxonomy, slug)
            ?? database.statement("""
                SELECT t.slug, t.name FROM post_terms t JOIN posts p ON p.id = t.post_id
                WHERE p.site_id = ? AND t.taxonomy = ? AND t.slug = ? LIMIT 1
                """).firstRow(site, taxonomy, slug)
        else { return nil }
        return ArchiveTerm(
            taxonomy: taxonomy, slug: row.string(0), name: row.string(1), path: try path(site: site, taxonomy: taxonomy, slug: slug)
        )
    }

    func author(site: Int, login: String) throws -> ArchiveAuthor? {
        let nicename = ArchiveSelection.nicename
        if let row = try database.statement("""
            SELECT login, display_name FROM authors WHERE site_id = ?1 AND (login = ?2 OR \(nicename("login")) = ?2)
            ORDER BY login = ?2 DESC LIMIT 1
            """).firstRow(site, login) {
            return ArchiveAuthor(login: row.string(0), displayName: row.string(1).isEmpty ? row.string(0) : row.string(1))
        }
        // An author known only from posts' dc:creator.
        return try database.statement("""
            SELECT creator FROM posts WHERE site_id = ?1 AND creator <> '' AND (creator = ?2 OR \(nicename("creator")) = ?2) LIMIT 1
            """).firstRow(site, login).map { ArchiveAuthor(login: $0.string(0), displayName: $0.string(0)) }
    }

    // MARK: Discussion

    func comments(ofPost postID: Int, page: Int, perPage: Int) throws -> ArchivePage<ArchiveComment> {
        let page = max(page, 1)
        guard try isDiscussionVisible(postID) else { return ArchivePage(items: [], total: 0, page: page, perPage: perPage) }
        // A top-level comment: no approved comment of the post is its parent (WordPress's walker
        // shows an orphan at the top). Comments come in id order: the file's, then as received.
        // A reply is found by its parent through comments_replies: the `|| ''` keeps SQLite from
        // choosing comments_by_post, which would read every approved comment of the post at each
        // level of a thread. The top level's parent is a typed NULL, as PostgreSQL's recursive
        // query takes the column's type from it.
        let topLevel = """
            c.post_id = ?1 AND c.kind IN \(Self.commentKinds) AND c.status = 'approved' AND (c.parent_source_id IN ('', '0') OR NOT EXISTS (
                SELECT 1 FROM comments a WHERE a.post_id = ?1 AND a.source_id = c.parent_source_id
                AND a.kind IN \(Self.commentKinds) AND a.status = 'approved'))
            """
        let total = try database.statement("SELECT count(*) FROM comments c WHERE \(topLevel)").firstRow(postID)?.int(0) ?? 0
        let rows = try database.statement("""
            WITH RECURSIVE top(id) AS (
                SELECT c.id FROM comments c WHERE \(topLevel) ORDER BY c.id LIMIT ?2 OFFSET ?3
            ), thread(id, parent, depth) AS (
                SELECT id, CAST(NULL AS BIGINT), 0 FROM top
                UNION ALL
                SELECT c.id, t.id, t.depth + 1 FROM thread t JOIN comments q ON q.id = t.id
                JOIN comments c ON c.post_id = ?1 AND c.parent_source_id <> '0' AND c.parent_source_id = q.source_id
                    AND (c.kind || '') IN \(Self.commentKinds) AND (c.status || '') = 'approved'
                WHERE t.depth < 64
            )
            SELECT t.id, t.parent, t.depth, c.author, c.author_url, c.date_gmt, c.date, c.content
            FROM thread t JOIN comments c ON c.id = t.id
            """).rows(postID, perPage, (page - 1) * perPage)
        let comments = rows.map { row in
            ArchiveComment(
                id: row.int(0), parentID: row.isNull(1) ? nil : row.int(1), depth: row.int(2), author: row.string(3),
                authorURL: row.string(4), date: ArchiveDate(utc: row.string(5), local: row.string(6)), content: row.string(7)
            )
        }
        return ArchivePage(items: Self.threadOrder(comments), total: total, page: page, perPage: perPage)
    }

    /// `comments` with each one's replies after it (depth first), siblings in id order.
    static func threadOrder(_ comments: [ArchiveComment]) -> [ArchiveComment] {
        var children: [Int?: [ArchiveComment]] = [:]
        for comment in comments { children[comment.parentID, default: []].append(comment) }
        var ordered: [ArchiveComment] = []
        ordered.reserveCapacity(comments.count)
        var stack = (children[nil] ?? []).sorted { $0.id > $1.id }
        while let next = stack.popLast() {
            ordered.append(next)
            stack.append(contentsOf: (children[next.id] ?? []).sorted { $0.id > $1.id })
        }
        return ordered
    }

    func pings(ofPost postID: Int, page: Int, perPage: Int) throws -> ArchivePage<ArchivePing> {
        let page = max(page, 1)
        guard try isDiscussionVisible(postID) else { return ArchivePage(items: [], total: 0, page: page, perPage: perPage) }
        let condition = "post_id = ? AND kind IN \(Self.pingKinds) AND status = 'approved'"
        let total = try database.statement("SELECT count(*) FROM comments WHERE \(condition)").firstRow(postID)?.int(0) ?? 0
        let items = try database.statement("""
            SELECT id, kind, author_url, source_title, blog_name, author, content, date_gmt, date FROM comments
            WHERE \(condition) ORDER BY id LIMIT ? OFFSET ?
            """).rows(postID, perPage, (page - 1) * perPage).map { row in
            ArchivePing(
                id: row.int(0), kind: CommentKind(rawValue: row.string(1)) ?? .trackback, sourceURL: row.string(2),
                sourceTitle: row.string(3), blogName: row.string(4), author: row.string(5), excerpt: row.string(6),
                date: ArchiveDate(utc: row.string(7), local: row.string(8))
            )
        }
        return ArchivePage(items: items, total: total, page: page, perPage: perPage)
    }

    /// True when the post is public and not password-protected: only then is its discussion shown.
    private func isDiscussionVisible(_ postID: Int) throws -> Bool {
        try database.statement("SELECT 1 FROM posts p WHERE p.id = ? AND p.password = '' AND \(Self.isPublic)").firstRow(postID) != nil
    }

    func recentDiscussion(site: Int, post: Int?, limit: Int) throws -> [ArchiveDiscussionItem] {
        try database.statement("""
            SELECT c.id, c.kind, c.author, c.author_url, c.source_title, c.blog_name, c.content, c.date_gmt, c.date,
                p.id, p.title, \(Self.link)
            FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE p.site_id = ?1 AND (CAST(?2 AS BIGINT) IS NULL OR p.id = ?2) AND p.password = '' AND \(Self.isPublic)
                AND c.status = 'approved' AND (c.kind IN \(Self.commentKinds) OR c.kind IN \(Self.pingKinds))
            ORDER BY c.date_gmt DESC, c.id DESC LIMIT ?3
            """).rows(site, post, limit).map { row in
            ArchiveDiscussionItem(
                id: row.int(0), kind: CommentKind(rawValue: row.string(1)) ?? .comment, author: row.string(2),
                authorURL: row.string(3), sourceTitle: row.string(4), blogName: row.string(5), content: row.string(6),
                date: ArchiveDate(utc: row.string(7), local: row.string(8)),
                post: ArchivePostReference(id: row.int(9), title: row.string(10), link: row.string(11))
            )
        }
    }
}
