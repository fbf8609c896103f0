import TrackwayCore

extension Store {
    /// Every site in the store, in the order they were first imported.
    public func sites() throws -> [StoredSite] {
        let sql = """
        SELECT s.id, s.source_key, s.title, s.format,
            (SELECT count(*) FROM authors WHERE site_id = s.id),
            (SELECT count(*) FROM terms WHERE site_id = s.id),
            (SELECT count(*) FROM posts WHERE site_id = s.id),
            (SELECT count(*) FROM comments c JOIN posts p ON p.id = c.post_id WHERE p.site_id = s.id)
        FROM sites s ORDER BY s.id
        """
        return try database.statement(sql).rows().map { row in
            StoredSite(
                id: row.int(0), sourceKey: row.string(1), title: row.string(2),
                format: try Store.sourceFormat(row.string(3), siteID: row.int(0)),
                authors: row.int(4), terms: row.int(5), items: row.int(6), comments: row.int(7)
            )
        }
    }

    /// Reads a stored format name; a value this version does not know is an error, not a guess.
    static func sourceFormat(_ value: String, siteID: Int) throws -> SourceFormat {
        guard let format = SourceFormat(rawValue: value) else {
            throw StoreError.invalid("site \(siteID) has unknown source format '\(value)'")
        }
        return format
    }
}
