import TrackwayStore

/// How the gateway answered a ping, as `/metrics` counts it (`trackway_pings_received_total`'s
/// `outcome` label).
enum ReceivedPingOutcome: Hashable, Sendable {
    /// Stored (approved, pending or spam, as the rules and the check decide).
    case accepted
    /// The post already holds a ping from that source: nothing stored.
    case duplicate
    /// Refused at the door by the owner's `blocked-hosts` rule.
    case refusedByRule
    /// The client was over its rate limit.
    case rateLimited
    /// A pingback fault other than 48 (duplicate) and 429 (rate limited), by its code.
    case fault(Int)
    /// Any other refusal: a TrackBack `<error>1</error>`, a Webmention 400, a body too large or too slow.
    case error

    /// A pingback fault as counted: 48 is a duplicate and 429 a rate limit, the others by code.
    init(_ fault: PingbackFault) {
        switch fault {
        case .alreadyRegistered: self = .duplicate
        case .rateLimited: self = .rateLimited
        default: self = .fault(fault.code)
        }
    }

    /// What storing the ping did: stored, or already there.
    init(_ result: PingInsertResult) {
        switch result {
        case .inserted: self = .accepted
        case .duplicate: self = .duplicate
        }
    }

    /// The label value: `accepted`, `refused_by_rule`, `fault_17`…
    var label: String {
        switch self {
        case .accepted: "accepted"
        case .duplicate: "duplicate"
        case .refusedByRule: "refused_by_rule"
        case .rateLimited: "rate_limited"
        case .fault(let code): "fault_\(code)"
        case .error: "error"
        }
    }

    /// Every outcome a protocol's pings can have, so each series exists (at 0) from the start.
    static func all(for kind: PingProtocol) -> [ReceivedPingOutcome] {
        switch kind {
        case .trackback: [.accepted, .duplicate, .refusedByRule, .rateLimited, .error]
        case .pingback: [.accepted, .duplicate, .refusedByRule, .rateLimited] + [0, 16, 17, 32, 33].map(ReceivedPingOutcome.fault)
        case .webmention: [.accepted, .refusedByRule, .rateLimited, .error]
        }
    }
}
