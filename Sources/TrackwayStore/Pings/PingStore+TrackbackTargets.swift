import TrackwayCore

extension PingStore {
    /// The Movable Type ping target `trackbackID`, preferring the site whose blog URL has `host`
    /// (two MT installations imported into one database may both have used an id), then the
    /// first site.
    func trackbackTarget(id trackbackID: Int, host: String?) throws -> StoredTrackbackTarget? {
        let rows = try database.statement("""
            SELECT t.site_id, t.category_name, t.is_disabled, t.passphrase, s.link, s.base_blog_url,
                \(Self.targetColumns)
            FROM trackback_targets t JOIN sites s ON s.id = t.site_id LEFT JOIN posts p ON p.id = t.post_id
            WHERE t.trackback_id = ? ORDER BY t.site_id LIMIT 16
            """).rows(trackbackID)
        let hostMatch = host.flatMap { host in
            rows.first { LegacyURLKey($0.string(4))?.host == host || LegacyURLKey($0.string(5))?.host == host }
        }
        guard let row = hostMatch ?? rows.first else { return nil }
        let subject: StoredTrackbackTarget.Subject
        if row.isNull(6) {
            subject = .category(name: row.string(1))
        } else {
            subject = .post(Self.target(Row(values: Array(row.values[6...]))))
        }
        return StoredTrackbackTarget(
            trackbackID: trackbackID, siteID: row.int(0), subject: subject, isDisabled: row.int(2) != 0, passphrase: row.string(3)
        )
    }
}
