import TrackwayCore

extension Store {
    /// The owner's spam rules, as the gateway applies them.
    ///
    /// ```swift
    /// let rules = try store.spamRules()
    /// rules.maxLinks   // 2 unless the owner set it
    /// ```
    public func spamRules() throws -> SpamRules {
        SpamRules(texts: try PingStore(database: database).spamRuleTexts())
    }

    /// Stores `text` as the rule `name` (validate it first with `SpamRules.validated`); nil
    /// removes it, so WordPress's default applies again. A running gateway picks it up.
    public func setSpamRule(_ name: SpamRuleName, to text: String?) throws {
        try PingStore(database: database).setSpamRule(name, to: text)
    }

    /// Appends to the list `name` the `entries` it does not hold yet; returns how many it added.
    @discardableResult
    public func addSpamRuleEntries(_ entries: [String], to name: SpamRuleName) throws -> Int {
        try PingStore(database: database).addSpamRuleEntries(entries, to: name)
    }

    /// Removes from the list `name` the lines equal to one of `entries`; returns how many went.
    public func removeSpamRuleEntries(_ entries: [String], from name: SpamRuleName) throws -> Int {
        try PingStore(database: database).removeSpamRuleEntries(entries, from: name)
    }

    /// Carries out `action` on the pings `ids` in one transaction; returns the ids that were not pings.
    public func moderate(_ action: PingAction, ids: [Int]) throws -> [Int] {
        try PingStore(database: database).moderate(action, ids: ids)
    }

    /// Deletes every ping in spam or in the trash ("Empty Spam", "Empty Trash"); returns how many went.
    public func deleteAllPings(in status: ModerationStatus) throws -> Int {
        try PingStore(database: database).deleteAll(in: status)
    }

    /// "Block this site" for the pings `ids`: their hosts go on `blocked-hosts`, and every ping
    /// from those hosts (or below them), whatever its status, to spam.
    public func blockHosts(ofPings ids: [Int]) throws -> BlockedHosts {
        try PingStore(database: database).blockHosts(ofPings: ids)
    }

    /// Blocks `hosts` (hosts or URLs) as `blockHosts(ofPings:)` does.
    public func blockHosts(_ hosts: [String]) throws -> BlockedHosts {
        try PingStore(database: database).blockHosts(hosts)
    }
}
