import TrackwayCore

extension PingStore {
    static let pingKinds = "('trackback', 'pingback', 'webmention')"

    /// Carries out `action` on the pings `ids` in one transaction; returns the ids that were not pings.
    func moderate(_ action: PingAction, ids: [Int]) throws -> [Int] {
        switch action {
        case .approve: return try setStatus(.approved, ids: ids)
        case .unapprove: return try setStatus(.pending, ids: ids)
        case .spam: return try setStatus(.spam, ids: ids)
        case .trash: return try setStatus(.trash, ids: ids)
        case .delete: return try delete(ids: ids)
        case .restore: return try restore(ids: ids)
        }
    }

    /// Puts the pings `ids` that are in spam or trash back to the status they had before: the one
    /// Trackway kept (`status_before`), else the `_wp_trash_meta_status` an export brought, else
    /// pending. Returns the ids that were not pings.
    private func restore(ids: [Int]) throws -> [Int] {
        try database.transaction {
            var missing: [Int] = []
            for id in ids {
                guard let row = try database.statement("""
                    SELECT c.status, c.status_before, (SELECT m.value FROM comment_meta m
                        WHERE m.comment_id = c.id AND m.key = '_wp_trash_meta_status' ORDER BY m.seq DESC LIMIT 1)
                    FROM comments c WHERE c.id = ? AND c.kind IN \(Self.pingKinds)
                    """).firstRow(id) else {
                    missing.append(id)
                    continue
                }
                guard row.string(0) == ModerationStatus.spam.rawValue || row.string(0) == ModerationStatus.trash.rawValue else { continue }
                let before = ModerationStatus(rawValue: row.string(1))
                    ?? (row.isNull(2) ? .pending : ModerationStatus(wordPressApproved: row.string(2)))
                try database.statement("UPDATE comments SET status = ?, approved = ?, status_before = '' WHERE id = ?")
                    .run(before, before.wordPressApproved, id)
            }
            return missing
        }
    }

    /// Deletes every ping in spam (`.spam`) or in the trash (`.trash`), WordPress's "Empty Spam"
    /// and "Empty Trash"; returns how many went.
    func deleteAll(in status: ModerationStatus) throws -> Int {
        guard status == .spam || status == .trash else {
            throw StoreError.invalid("only spam and trash can be emptied, not \(status.rawValue)")
        }
        try database.statement("DELETE FROM comments WHERE status = ? AND kind IN \(Self.pingKinds)").run(status)
        return database.changes
    }

    /// Blocks the sites the pings `ids` came from: `blockHosts` on their source URLs' hosts.
    func blockHosts(ofPings ids: [Int]) throws -> BlockedHosts {
        try database.transaction {
            var hosts: [String] = []
            var missing: [Int] = []
            for id in ids {
                guard let row = try database.statement("SELECT author_url FROM comments WHERE id = ? AND kind IN \(Self.pingKinds)").firstRow(id) else {
                    missing.append(id)
                    continue
                }
                if let host = SpamRules.host(ofEntry: row.string(0)), !hosts.contains(host) { hosts.append(host) }
            }
            var result = try blockHosts(hosts)
            result.missing = missing
            return result
        }
    }

    /// Adds `hosts` (each a host or a URL) to the `blocked-hosts` list and marks every ping from
    /// them, or from below them, as spam, whatever its status; the ping records the rule.
    func blockHosts(_ hosts: [String]) throws -> BlockedHosts {
        let normalized = try hosts.map { entry in
            guard let host = SpamRules.host(ofEntry: entry) else { throw StoreError.invalid("'\(entry)' names no host") }
            return host
        }
        return try database.transaction {
            try addSpamRuleEntries(normalized, to: .blockedHosts)
            let blocking = SpamRules(texts: [.blockedHosts: normalized.joined(separator: "\n")])
            var marked: [(id: Int, host: String)] = []
            try database.statement("SELECT id, author_url FROM comments WHERE kind IN \(Self.pingKinds) AND status <> 'spam'").forEachRow([]) { row in
                if let host = blocking.blockedHost(of: row.string(1)) { marked.append((row.int(0), host)) }
            }
            _ = try setStatus(.spam, ids: marked.map(\.id))
            for (id, host) in marked {
                try database.statement("UPDATE comments SET spam_rule = ?, spam_rule_match = ? WHERE id = ?")
                    .run(SpamRuleName.blockedHosts.rawValue, host, id)
            }
            return BlockedHosts(hosts: normalized, pingsMarkedSpam: marked.count)
        }
    }
}
