import TrackwayCore

extension Store {
    /// The site with row id `id` as imported, unknown channel elements included; nil if absent.
    ///
    /// ```swift
    /// guard let site = try store.site(id: 1) else { throw StoreError.notFound("site 1") }
    /// ```
    public func site(id: Int) throws -> Site? {
        let sql = """
        SELECT source_key, format, title, link, description, language, base_site_url, base_blog_url,
            wxr_version, generator, pub_date, time_zone FROM sites WHERE id = ?
        """
        guard let row = try database.statement(sql).firstRow(id) else { return nil }
        var site = Site(sourceKey: row.string(0), format: try Store.sourceFormat(row.string(1), siteID: id))
        site.title = row.string(2)
        site.link = row.string(3)
        site.description = row.string(4)
        site.language = row.string(5)
        site.baseSiteURL = row.string(6)
        site.baseBlogURL = row.string(7)
        site.wxrVersion = row.string(8)
        site.generator = row.string(9)
        site.pubDate = row.string(10)
        site.timeZone = row.string(11)
        site.unknownElements = try database.statement("SELECT xml FROM site_extras WHERE site_id = ? ORDER BY seq")
            .rows(id).map { $0.string(0) }
        return site
    }

    /// The authors the export declared, in file order (logins met only in posts are left out).
    public func authors(siteID: Int) throws -> [Author] {
        let sql = """
        SELECT source_id, login, email, display_name, first_name, last_name FROM authors
        WHERE site_id = ? AND declared = 1 ORDER BY seq, id
        """
        return try database.statement(sql).rows(siteID).map { row in
            var author = Author(login: row.string(1))
            author.sourceID = row.isNull(0) ? nil : row.int(0)
            author.email = row.string(2)
            author.displayName = row.string(3)
            author.firstName = row.string(4)
            author.lastName = row.string(5)
            return author
        }
    }

    /// The terms the export declared, in file order, with their meta (terms only posts mention
    /// are left out: they live on the posts).
    public func terms(siteID: Int) throws -> [Term] {
        let sql = """
        SELECT id, source_id, taxonomy, slug, name, parent_slug, description FROM terms
        WHERE site_id = ? AND declared = 1 ORDER BY seq, id
        """
        let metaSQL = """
        SELECT m.term_id, m.key, m.value FROM term_meta m JOIN terms t ON t.id = m.term_id
        WHERE t.site_id = ? ORDER BY m.term_id, m.seq
        """
        var metaByTerm: [Int: [MetaEntry]] = [:]
        try database.statement(metaSQL).forEachRow([siteID]) { row in
            metaByTerm[row.int(0), default: []].append(MetaEntry(key: row.string(1), value: row.string(2)))
        }
        return try database.statement(sql).rows(siteID).map { row in
            var term = Term(taxonomy: row.string(2), slug: row.string(3))
            term.sourceID = row.isNull(1) ? nil : row.int(1)
            term.name = row.string(4)
            term.parentSlug = row.string(5)
            term.description = row.string(6)
            term.meta = metaByTerm[row.int(0)] ?? []
            return term
        }
    }
}
