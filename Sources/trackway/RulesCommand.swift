import ArgumentParser
import Foundation
import TrackwayCore
import TrackwayStore

/// `trackway rules`: the owner's spam rules, in WordPress's own format.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Show and change the spam rules applied to every ping as it arrives.",
        discussion: """
        The rules are WordPress's Discussion settings, matched as WordPress matches them, plus a \
        list of blocked hosts. They apply to every site in the database; a running `trackway serve` \
        picks up a change within a quarter of a second.

          max-links        hold a ping with N links or more (default 2; 0 = off)
          moderation-keys  hold a ping in which a line occurs (its blog name,
                           URL, text, IP or user agent)
          disallowed-keys  the same, and in its text without tags: spam
          blocked-hosts    refuse pings from a host or below it (nothing stored)
          hold-all         every new ping waits for moderation (on/off)

        Lists hold one word or phrase a line, matched case-insensitively as parts of words \
        ("press" matches "WordPress"); empty lines and a line "0" are skipped, as WordPress skips \
        them. Nothing else is special: a '#' line is a key like any other.

        Examples:
          trackway rules show
          trackway rules add disallowed-keys "online casino" viagra
          trackway rules set moderation-keys --file keys.txt   # '-': stdin
          trackway rules set max-links 3
          trackway rules add blocked-hosts spam.example    # and a.spam.example
          wp option list --format=json > options.json      # on the old site
          trackway rules import-wordpress options.json
        """,
        subcommands: [Show.self, Set.self, Add.self, Remove.self, ImportWordPress.self]
    )

    struct DatabaseOption: ParsableArguments {
        @Option(help: DatabaseChoice.help) var db: String?

        /// The store, or the command (`rules`, `admin`) ends with the reason it cannot be opened.
        func store(_ command: String) throws -> Store {
            try DatabaseChoice.store(at: DatabaseChoice.location(db, command: command), command: command)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the rules in force (defaults included).",
            discussion: "Examples:\n  trackway rules show\n  trackway rules show --json | jq '.\"disallowed-keys\"'"
        )
        @OptionGroup var database: DatabaseOption
        @Flag(help: "Print one JSON object: max-links and hold-all as a number and a boolean, lists as arrays of their lines.") var json = false

        func run() throws {
            let rules = try database.store("rules").spamRules()
            if json {
                print(try RulesCommand.json(rules))
                return
            }
            print("max-links\t\(rules.maxLinks == 0 ? "off" : String(rules.maxLinks))\(rules.texts[.maxLinks] == nil ? " (default)" : "")")
            print("hold-all\t\(rules.holdAll ? "on" : "off")")
            for name in [SpamRuleName.moderationKeys, .disallowedKeys, .blockedHosts] {
                let lines = SpamRules.entries(rules.texts[name] ?? "")
                print("\(name.rawValue)\t\(RulesCommand.count(lines.count))")
                for line in lines { print("  \(line)") }
            }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a rule: a value, or a list from a file.",
            discussion: """
            Examples:
              trackway rules set max-links 3
              trackway rules set hold-all on
              trackway rules set disallowed-keys --file disallowed.txt
              pbpaste | trackway rules set moderation-keys --file -
            """
        )
        @OptionGroup var database: DatabaseOption
        @Argument(help: "max-links, moderation-keys, disallowed-keys, blocked-hosts or hold-all.") var name: String
        @Argument(help: "The value (for a list, its lines separated by newlines).") var value: String?
        @Option(help: ArgumentHelp("Read the value from this file ('-' for standard input).", valueName: "file")) var file: String?

        func run() throws {
            let rule = try RulesCommand.rule(named: name)
            guard (value == nil) != (file == nil) else { throw ValidationError("give the value, or --file, not both or neither") }
            let text = try value ?? RulesCommand.read(file ?? "-")
            let stored = try RulesCommand.validated(rule, text, source: file)
            try database.store("rules").setSpamRule(rule, to: stored)
            print("\(rule.rawValue) set" + (rule.isList ? ": \(RulesCommand.count(SpamRules.entries(stored).count))" : " to \(stored)"))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add entries to a list rule (those it holds already are skipped).",
            discussion: "Examples:\n  trackway rules add disallowed-keys casino \"cheap pills\"\n  trackway rules add blocked-hosts spam.example https://other.example/post/"
        )
        @OptionGroup var database: DatabaseOption
        @Argument(help: "moderation-keys, disallowed-keys or blocked-hosts.") var name: String
        @Argument(help: "The entries, one an argument.") var entries: [String]

        func run() throws {
            let rule = try RulesCommand.list(named: name)
            let checked = try SpamRules.entries(RulesCommand.validated(rule, entries.joined(separator: "\n"), source: nil))
            let added = try database.store("rules").addSpamRuleEntries(checked, to: rule)
            print("\(RulesCommand.count(added)) added to \(rule.rawValue)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove entries from a list rule.",
            discussion: "Examples:\n  trackway rules remove disallowed-keys casino\n  trackway rules remove blocked-hosts spam.example"
        )
        @OptionGroup var database: DatabaseOption
        @Argument(help: "moderation-keys, disallowed-keys or blocked-hosts.") var name: String
        @Argument(help: "The entries, one an argument.") var entries: [String]

        func run() throws {
            let rule = try RulesCommand.list(named: name)
            let removed = try database.store("rules").removeSpamRuleEntries(entries, from: rule)
            print("\(RulesCommand.count(removed)) removed from \(rule.rawValue)")
            if removed == 0 { throw ExitCode(1) }
        }
    }

    /// "1 entry", "3 entries".
    static func count(_ entries: Int) -> String {
        "\(entries) entr\(entries == 1 ? "y" : "ies")"
    }

    static func rule(named name: String) throws -> SpamRuleName {
        guard let rule = SpamRuleName(rawValue: name) else {
            throw ValidationError("unknown rule '\(name)': use \(SpamRuleName.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return rule
    }

    static func list(named name: String) throws -> SpamRuleName {
        let rule = try rule(named: name)
        guard rule.isList else { throw ValidationError("\(name) is no list: use trackway rules set \(name) VALUE") }
        return rule
    }

    /// The text of `path`, or of standard input for `-`.
    static func read(_ path: String) throws -> String {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: path))
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(path == "-" ? "standard input" : path): not UTF-8 text")
        }
        return text
    }

    /// `SpamRules.validated`, its error naming the file it came from.
    static func validated(_ rule: SpamRuleName, _ text: String, source: String?) throws -> String {
        do {
            return try SpamRules.validated(rule, text)
        } catch {
            throw ValidationError((source.map { "\($0 == "-" ? "standard input" : $0): " } ?? "") + error.message)
        }
    }

    /// The rules as `rules show --json` prints them.
    static func json(_ rules: SpamRules) throws -> String {
        let object: [String: Any] = [
            SpamRuleName.maxLinks.rawValue: rules.maxLinks,
            SpamRuleName.holdAll.rawValue: rules.holdAll,
            SpamRuleName.moderationKeys.rawValue: rules.moderationKeys.keys.map(\.line),
            SpamRuleName.disallowedKeys.rawValue: rules.disallowedKeys.keys.map(\.line),
            SpamRuleName.blockedHosts.rawValue: rules.blockedHosts.sorted(),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
