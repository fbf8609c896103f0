import ArgumentParser
import Foundation
import TrackwayCore
import TrackwayStore

extension RulesCommand {
    /// `trackway rules import-wordpress FILE`: a WordPress site's Discussion settings.
    struct ImportWordPress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-wordpress",
            abstract: "Set the rules from a WordPress site's options.",
            discussion: """
            Reads moderation_keys, disallowed_keys (or, before WordPress 5.5, blacklist_keys), \
            comment_max_links and comment_moderation from one of:

            - the JSON of `wp option list --format=json` (other options are ignored);
            - `wp option get NAME` commands, each followed by what it printed, as a \
            terminal shows them (a leading '$ ' is fine);
            - a plain list, the lines of one setting, with --as naming the rule.

            The rules found replace those in the database; the others are left as they are.

            Examples:
              wp option list --format=json > options.json
              trackway rules import-wordpress options.json

              { echo '$ wp option get disallowed_keys'; wp option get disallowed_keys; } \\
                > wp.txt
              trackway rules import-wordpress wp.txt

              trackway rules import-wordpress --as disallowed-keys disallowed.txt
            """
        )
        @OptionGroup var database: DatabaseOption
        @Argument(help: ArgumentHelp("The dump ('-' for standard input).", valueName: "file")) var file: String
        @Option(name: .customLong("as"), help: "Read the file as a plain list of this rule.") var rule: String?

        func run() throws {
            let text = try RulesCommand.read(file)
            let found: [(SpamRuleName, String)]
            if let rule {
                found = [(try RulesCommand.rule(named: rule), text)]
            } else {
                do {
                    found = try WordPressOptions.rules(in: text)
                } catch {
                    throw ValidationError("\(file): \(error.message)")
                }
            }
            let validated = try found.map { ($0.0, try RulesCommand.validated($0.0, $0.1, source: file)) }
            let store = try database.store("rules")
            for (name, value) in validated {
                try store.setSpamRule(name, to: value)
                print("\(name.rawValue)\t" + (name.isList ? RulesCommand.count(SpamRules.entries(value).count) : value))
            }
        }
    }
}
