/// A rule value the owner gave that cannot be used: which rule, which line, what was expected.
public struct SpamRuleError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension SpamRules {
    /// The text to store for the rule `name` given `text`, or the error that says what is wrong:
    /// `max-links` a whole number (0 turns it off), `hold-all` on or off (`1`, `0`, `true`,
    /// `false`, `yes`, `no`, `on`, `off`; stored as WordPress stores it, `1` or `0`), and every
    /// line of `blocked-hosts` a host or a URL (stored as hosts). Key lists are stored as given,
    /// CRLF read as LF.
    ///
    /// ```swift
    /// try SpamRules.validated(.holdAll, "yes")               // "1"
    /// try SpamRules.validated(.blockedHosts, "https://www.Spam.example/x\n")   // "spam.example\n"
    /// ```
    public static func validated(_ name: SpamRuleName, _ text: String) throws(SpamRuleError) -> String {
        let text = lines(text).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }.joined(separator: "\n")
        switch name {
        case .maxLinks:
            let value = phpTrimmed(text)
            guard let number = Int(value), number >= 0 else {
                throw SpamRuleError("max-links: expected a whole number of links (0 turns the rule off), not '\(value)'")
            }
            return String(number)
        case .holdAll:
            switch phpTrimmed(text).lowercased() {
            case "1", "true", "yes", "on": return "1"
            case "0", "false", "no", "off", "": return "0"
            case let other: throw SpamRuleError("hold-all: expected on or off (1, 0, true, false, yes, no), not '\(other)'")
            }
        case .blockedHosts:
            var hosts: [String] = []
            for (number, line) in lines(text).enumerated() {
                let entry = phpTrimmed(line)
                guard !entry.isEmpty, entry != "0" else { continue }
                guard let host = host(ofEntry: entry) else {
                    throw SpamRuleError("blocked-hosts: line \(number + 1): '\(entry)' is no host name or URL")
                }
                hosts.append(host)
            }
            return hosts.isEmpty ? "" : hosts.joined(separator: "\n") + "\n"
        case .moderationKeys, .disallowedKeys:
            return text
        }
    }
}
