import TrackwayCore

extension Store {
    /// The site with row id `id` as imported, unknown channel elements included; nil if absent.
    ///
    /// ```swift
    /// guard let site = try store.site(id: 1) else { throw StoreError.notFound("site 1") }
    /// ```
    public func site(id: Int) throws -> Site? {
        guard let row = try database.statement(Site.selectSQL() + " WHERE id = ?").firstRow(id) else { return nil }
        var site = try Site.read(row, from: 0, owner: "site \(id)")
        site.unknownElements = try database.statement("SELECT xml FROM site_extras WHERE site_id = ? ORDER BY seq")
            .rows(id).map { $0.string(0) }
        return site
    }

    /// The authors the export declared, in file order (logins met only in posts are left out).
    public func authors(siteID: Int) throws -> [Author] {
        let sql = Author.selectSQL() + " WHERE site_id = ? AND declared = 1 ORDER BY seq, id"
        return try database.statement(sql).rows(siteID).map { row in
            try Author.read(row, from: 0, owner: "author")
        }
    }

    /// The terms the export declared, in file order, with their meta (terms only posts mention
    /// are left out: they live on the posts).
    public func terms(siteID: Int) throws -> [Term] {
        let sql = Term.selectSQL(leading: ["id"]) + " WHERE site_id = ? AND declared = 1 ORDER BY seq, id"
        let metaSQL = """
        SELECT m.term_id, m.key, m.value FROM term_meta m JOIN terms t ON t.id = m.term_id
        WHERE t.site_id = ? ORDER BY m.term_id, m.seq
        """
        var metaByTerm: [Int: [MetaEntry]] = [:]
        try database.statement(metaSQL).forEachRow([siteID]) { row in
            metaByTerm[row.int(0), default: []].append(MetaEntry(key: row.string(1), value: row.string(2)))
        }
        return try database.statement(sql).rows(siteID).map { row in
            var term = try Term.read(row, from: 1, owner: "term")
            term.meta = metaByTerm[row.int(0)] ?? []
            return term
        }
    }
}
