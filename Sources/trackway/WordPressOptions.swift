import Foundation
import TrackwayCore

/// The spam rules in a dump of WordPress options (`rules import-wordpress`).
enum WordPressOptions {
    /// WordPress's option names, and the rule each sets; `blacklist_keys` counts when no
    /// `disallowed_keys` is there (WordPress 5.5 renamed it).
    static let names: [String: SpamRuleName] = [
        "moderation_keys": .moderationKeys, "disallowed_keys": .disallowedKeys, "blacklist_keys": .disallowedKeys,
        "comment_max_links": .maxLinks, "comment_moderation": .holdAll,
    ]

    /// The rules `text` sets, in the order of `SpamRuleName`; an error when it is neither form, or sets none.
    static func rules(in text: String) throws(SpamRuleError) -> [(SpamRuleName, String)] {
        let options = try options(in: text)
        var rules: [SpamRuleName: String] = [:]
        for (option, value) in options {
            guard let rule = names[option] else { continue }
            if option == "blacklist_keys", options.contains(where: { $0.0 == "disallowed_keys" }) { continue }
            rules[rule] = value
        }
        guard !rules.isEmpty else {
            throw SpamRuleError("none of \(names.keys.sorted().joined(separator: ", ")) is in it")
        }
        return SpamRuleName.allCases.compactMap { name in rules[name].map { (name, $0) } }
    }

    private static func options(in text: String) throws(SpamRuleError) -> [(String, String)] {
        let trimmed = SpamRules.phpTrimmed(text)
        if trimmed.hasPrefix("[") {
            guard let rows = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [[String: Any]] else {
                throw SpamRuleError("expected the JSON array of `wp option list --format=json`")
            }
            return try rows.enumerated().map { (index, row) throws(SpamRuleError) in
                guard let name = row["option_name"] as? String else {
                    throw SpamRuleError("item \(index + 1) of the JSON array has no option_name")
                }
                let value = row["option_value"]
                return (name, (value as? String) ?? (value as? NSNumber)?.stringValue ?? "")
            }
        }
        var options: [(String, String)] = []
        var lines: [String] = []
        var current: String?
        for (number, line) in SpamRules.lines(text).enumerated() {
            if let name = command(in: line) {
                if let current { options.append((current, Self.value(lines))) }
                current = name
                lines = []
            } else if current != nil {
                lines.append(line)
            } else if !SpamRules.phpTrimmed(line).isEmpty {
                throw SpamRuleError("line \(number + 1): expected `wp option get NAME` before a value, `wp option list --format=json` output, or --as RULE for a plain list")
            }
        }
        if let current { options.append((current, Self.value(lines))) }
        return options
    }

    /// The option a `wp option get NAME` line names (a leading prompt and trailing flags allowed).
    private static func command(in line: String) -> String? {
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let wp = words.firstIndex(of: "wp"), wp <= 1, words.count > wp + 3, words[wp + 1] == "option", words[wp + 2] == "get" else { return nil }
        return words[wp + 3]
    }

    /// What `wp option get` printed: its lines, without the newline it ends with.
    private static func value(_ lines: [String]) -> String {
        var lines = lines
        while lines.last.map({ SpamRules.phpTrimmed($0).isEmpty }) == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
