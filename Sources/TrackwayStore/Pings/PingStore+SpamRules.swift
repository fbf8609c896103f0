import TrackwayCore

extension PingStore {
    /// The rules' texts as stored; a rule the owner never set is absent (its default applies).
    func spamRuleTexts() throws -> [SpamRuleName: String] {
        var texts: [SpamRuleName: String] = [:]
        for row in try database.statement("SELECT name, value FROM spam_rules").rows() {
            if let name = SpamRuleName(rawValue: row.string(0)) { texts[name] = row.string(1) }
        }
        return texts
    }

    /// A number that changes whenever any rule changes, by whatever means (a trigger bumps it).
    func spamRulesVersion() throws -> Int {
        try database.statement("SELECT version FROM spam_rules_version").firstRow()?.int(0) ?? 0
    }

    /// Stores `text` as the rule `name`; nil removes it, so its default applies again.
    func setSpamRule(_ name: SpamRuleName, to text: String?) throws {
        if let text {
            try database.statement("INSERT INTO spam_rules(name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value")
                .run(name.rawValue, text)
        } else {
            try database.statement("DELETE FROM spam_rules WHERE name = ?").run(name.rawValue)
        }
    }

    /// Appends to the list `name` the `entries` it does not hold yet; returns how many it added.
    @discardableResult
    func addSpamRuleEntries(_ entries: [String], to name: SpamRuleName) throws -> Int {
        try database.transaction {
            let text = try spamRuleTexts()[name] ?? ""
            var lines = SpamRules.entries(text)
            let added = entries.map(SpamRules.phpTrimmed).filter { entry in
                guard !entry.isEmpty, !lines.contains(entry) else { return false }
                lines.append(entry)
                return true
            }
            if !added.isEmpty { try setSpamRule(name, to: Self.joined(text, adding: added)) }
            return added.count
        }
    }

    /// Removes from the list `name` every line equal to one of `entries` (trimmed); returns how many went.
    func removeSpamRuleEntries(_ entries: [String], from name: SpamRuleName) throws -> Int {
        try database.transaction {
            let text = try spamRuleTexts()[name] ?? ""
            // A host is removed however it is spelled (`www.`, a URL, upper case).
            let hosts = name == .blockedHosts
            func spelling(_ line: String) -> String {
                let trimmed = SpamRules.phpTrimmed(line)
                return hosts ? SpamRules.host(ofEntry: trimmed) ?? trimmed : trimmed
            }
            let removing = Set(entries.map { spelling($0) })
            let lines = SpamRules.lines(text)
            let kept = lines.filter { !removing.contains(spelling($0)) }
            if kept.count != lines.count { try setSpamRule(name, to: kept.joined(separator: "\n")) }
            return lines.count - kept.count
        }
    }

    private static func joined(_ text: String, adding entries: [String]) -> String {
        let base = text.hasSuffix("\n") || text.isEmpty ? text : text + "\n"
        return base + entries.joined(separator: "\n") + "\n"
    }
}
