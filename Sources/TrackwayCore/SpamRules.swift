/// The owner's spam rules, read from the texts the database keeps (WordPress's option values:
/// lists one entry a line), ready to match pings against. The deciders take them as an input.
///
/// ```swift
/// let rules = SpamRules(texts: [.disallowedKeys: "casino\n\nviagra\n", .maxLinks: "3"])
/// rules.disallowedKeys.keys.map(\.line)   // ["casino", "viagra"]
/// ```
///
/// Lists are read as WordPress's `check_comment()` and `wp_check_comment_disallowed_list()` read
/// them: the text split at `\n`, each line trimmed of PHP's `trim()` characters (space, tab,
/// `\n`, `\r`, NUL, vertical tab), and a line left empty, or `0` (PHP's `empty()`), skipped.
/// Nothing else is special: a `#` is matched as written, as WordPress quotes it.
public struct SpamRules: Sendable, Equatable {
    /// WordPress's default `comment_max_links`.
    public static let defaultMaxLinks = 2

    /// The rules of a database where the owner set none: WordPress's defaults.
    public static let defaults = SpamRules(texts: [:])

    /// The texts as stored, by rule; a rule not stored is absent.
    public let texts: [SpamRuleName: String]
    /// Hold a ping whose content has at least this many links; 0 (or a value that is no
    /// integer, which WordPress never holds on) turns the rule off.
    public let maxLinks: Int
    /// Hold every new ping.
    public let holdAll: Bool
    public let moderationKeys: SpamKeyList
    public let disallowedKeys: SpamKeyList
    /// The hosts whose pings are refused, as `LegacyURLKey` hosts (lower case, without `www.`).
    public let blockedHosts: Set<String>

    public init(texts: [SpamRuleName: String]) {
        self.texts = texts
        maxLinks = texts[.maxLinks].map { Int(Self.phpTrimmed($0)) ?? 0 } ?? Self.defaultMaxLinks
        holdAll = texts[.holdAll].map { Int(Self.phpTrimmed($0)) == 1 } ?? false
        moderationKeys = SpamKeyList(Self.entries(texts[.moderationKeys] ?? ""))
        disallowedKeys = SpamKeyList(Self.entries(texts[.disallowedKeys] ?? ""))
        blockedHosts = Set(Self.entries(texts[.blockedHosts] ?? "").compactMap(Self.host(ofEntry:)))
    }

    /// The entries of a list as WordPress reads them (see the type's comment).
    public static func entries(_ text: String) -> [String] {
        lines(text).map(phpTrimmed).filter { !$0.isEmpty && $0 != "0" }
    }

    /// `text` split at each `\n`, as PHP's `explode("\n")`: a `\r` before it stays on its line
    /// (Swift's `Character` would keep CRLF whole).
    public static func lines(_ text: String) -> [String] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The host a `blocked-hosts` line names: a bare host (`spam.example`, `*.spam.example`,
    /// `.spam.example`) or a URL's host, lower case, without `www.` and a default port, as
    /// `LegacyURLKey` keeps hosts; nil when the line names none.
    public static func host(ofEntry entry: String) -> String? {
        var text = entry
        while text.hasPrefix("*") || text.hasPrefix(".") { text.removeFirst() }
        if !text.contains("://") { text = "http://" + text }
        guard let key = LegacyURLKey(text) else { return nil }
        let host = hostWithoutPort(key)
        let isHostCharacter: (Unicode.Scalar) -> Bool = { $0.value >= 0x80 || $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-._[]:".unicodeScalars.contains($0) }
        guard !host.isEmpty, host.unicodeScalars.allSatisfy(isHostCharacter) else { return nil }
        return String(host)
    }

    /// The host of a key, without a port (a host and any of its ports are one site).
    private static func hostWithoutPort(_ key: LegacyURLKey) -> Substring {
        let host = key.value.prefix { $0 != "/" && $0 != "?" }
        guard let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") else { return host }
        return host[..<colon]
    }

    /// The blocked host that `sourceURL`'s host is, or lies below (`a.spam.example` below
    /// `spam.example`); nil when none is.
    public func blockedHost(of sourceURL: String) -> String? {
        guard !blockedHosts.isEmpty, let key = LegacyURLKey(sourceURL) else { return nil }
        var rest = Self.hostWithoutPort(key)
        while true {
            if blockedHosts.contains(String(rest)) { return String(rest) }
            guard let dot = rest.firstIndex(of: ".") else { return nil }
            rest = rest[rest.index(after: dot)...]
        }
    }

    /// `text` without the characters PHP's `trim()` removes at either end.
    public static func phpTrimmed(_ text: String) -> String {
        let trimmed: (Unicode.Scalar) -> Bool = { [" ", "\t", "\n", "\r", "\0", "\u{0B}"].contains($0) }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trimmed($0) }), let last = scalars.lastIndex(where: { !trimmed($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
