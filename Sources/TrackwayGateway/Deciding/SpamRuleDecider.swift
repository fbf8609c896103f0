import TrackwayCore
import TrackwayXML

/// The owner's spam rules applied to a ping, as WordPress's `wp_allow_comment()` applies its
/// Discussion settings to a comment, free of I/O: `door` before anything is read or fetched, and
/// `decide` on the ping about to be stored.
///
/// ```swift
/// let rules = SpamRules(texts: [.disallowedKeys: "casino"])
/// SpamRuleDecider.decide(SpamRuleDecider.Fields(author: "Best Casino", url: u, content: c, ip: ip, userAgent: ua), rules: rules)
/// // SpamRuleDecision(rule: .disallowedKeys, match: "casino", outcome: .spam)
/// ```
enum SpamRuleDecider {
    /// What WordPress matches keys against: the comment's author (a trackback's blog name, a
    /// pingback's page title), its URL (the source), its content, the sender's IP and user agent.
    /// Pings carry no e-mail address.
    struct Fields: Sendable {
        var author: String
        var url: String
        var content: String
        var ip: String
        var userAgent: String
    }

    /// `blocked-hosts`: the source's host, or a domain above it, is on the list.
    static func door(sourceURL: String, rules: SpamRules) -> SpamRuleDecision? {
        rules.blockedHost(of: sourceURL).map { SpamRuleDecision(rule: .blockedHosts, match: $0, outcome: .refuse) }
    }

    /// The rule that decides, in WordPress's order: `check_comment()` holds for `hold-all`, then
    /// `max-links`, then `moderation-keys`, and `wp_check_comment_disallowed_list()` after it
    /// makes spam of a comment whatever `check_comment()` said; nil when no rule applies.
    ///
    /// `check_comment()` counts links and matches moderation keys on the content after the
    /// `comment_text` filter (`make_clickable`'s links included); the disallowed list matches the
    /// content as stored and with its tags stripped (`wp_strip_all_tags`).
    static func decide(_ fields: Fields, rules: SpamRules) -> SpamRuleDecision? {
        if !rules.disallowedKeys.isEmpty {
            let texts = [fields.author, fields.url, fields.content, HTMLLinkScanner.textKeepingReferences(ofFragment: fields.content), fields.ip, fields.userAgent]
            if let key = rules.disallowedKeys.firstMatch(in: texts) { return SpamRuleDecision(rule: .disallowedKeys, match: key.line, outcome: .spam) }
        }
        if rules.holdAll { return SpamRuleDecision(rule: .holdAll, match: "", outcome: .hold) }
        // make_clickable costs tens of µs: it runs only when links could reach the limit, or for
        // moderation keys, which WordPress matches on the filtered text.
        var filtered: String?
        if rules.maxLinks != 0, WordPressClickable.linkBound(in: fields.content) >= rules.maxLinks {
            let text = WordPressClickable.filtered(fields.content)
            filtered = text
            let links = WordPressClickable.linkCount(inFiltered: text)
            if links >= rules.maxLinks { return SpamRuleDecision(rule: .maxLinks, match: "\(links) links", outcome: .hold) }
        }
        if !rules.moderationKeys.isEmpty,
           let key = rules.moderationKeys.firstMatch(in: [
               fields.author, fields.url, filtered ?? WordPressClickable.filtered(fields.content), fields.ip, fields.userAgent,
           ]) {
            return SpamRuleDecision(rule: .moderationKeys, match: key.line, outcome: .hold)
        }
        return nil
    }
}
