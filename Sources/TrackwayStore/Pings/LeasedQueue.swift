/// A queue whose items nodes claim under leases: which of its rows are due and free to claim,
/// and how a node keeps the items it is still working on (`PingRepository.renewLeases`).
public enum LeasedQueue: Sendable {
    case verifications, notifications, webmentions

    var table: String {
        switch self {
        case .verifications: "verification_queue"
        case .notifications: "notification_queue"
        case .webmentions: "webmention_requests"
        }
    }

    /// The column that names an item: the id its claim returns.
    var itemColumn: String {
        switch self {
        case .verifications: "comment_id"
        case .notifications, .webmentions: "id"
        }
    }

    /// The condition of a claimable row, with two parameters: the current time as stored text
    /// (`StoreClock.text`) and in seconds (leases expire in seconds).
    var dueCondition: String {
        switch self {
        case .verifications, .notifications: "next_attempt_at <= ? AND lease_expires <= ?"
        case .webmentions: "state = 'queued' AND next_attempt_at <= ? AND lease_expires <= ?"
        }
    }

    /// The condition of a row still held under a lease, with one parameter: the lease's owner.
    var heldCondition: String {
        switch self {
        case .verifications, .notifications: "lease_owner = ?"
        case .webmentions: "state = 'queued' AND lease_owner = ?"
        }
    }
}
