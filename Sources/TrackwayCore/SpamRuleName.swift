/// The owner's spam rules, by the names `trackway rules` and the database give them. Each is one
/// of WordPress's Discussion settings, but `blocked-hosts`, which is Trackway's own.
public enum SpamRuleName: String, Sendable, Codable, CaseIterable {
    /// WordPress's `comment_max_links`: hold a ping whose content has at least this many links.
    case maxLinks = "max-links"
    /// WordPress's `moderation_keys`: hold a ping in which one of these lines occurs.
    case moderationKeys = "moderation-keys"
    /// WordPress's `disallowed_keys` (formerly `blacklist_keys`): a ping in which one occurs is spam.
    case disallowedKeys = "disallowed-keys"
    /// A ping whose source is on one of these hosts, or below one, is refused at the door.
    case blockedHosts = "blocked-hosts"
    /// WordPress's `comment_moderation`: every new ping waits for moderation.
    case holdAll = "hold-all"

    /// True for the rules that are lists, one entry a line.
    public var isList: Bool {
        self == .moderationKeys || self == .disallowedKeys || self == .blockedHosts
    }
}
