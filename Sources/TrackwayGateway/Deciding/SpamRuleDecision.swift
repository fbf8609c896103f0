import TrackwayCore

/// Which of the owner's spam rules decided a ping's fate, on what it matched, and the fate.
struct SpamRuleDecision: Sendable, Equatable {
    enum Outcome: Sendable, Equatable {
        /// Refused at the door, nothing stored (`blocked-hosts`).
        case refuse
        /// Stored as spam (`disallowed-keys`).
        case spam
        /// Stored pending, and left pending when its source is found to link back.
        case hold
    }

    var rule: SpamRuleName
    /// The key, the host, or the number of links; empty for `hold-all`.
    var match: String
    var outcome: Outcome

    /// The reason a refused sender reads.
    var refusal: String {
        "Pings from \(match) are not accepted here."
    }
}
