/// A queue whose items nodes claim under leases: which of its rows are due and free to claim.
enum LeasedQueue {
    case verifications, notifications, webmentions

    var table: String {
        switch self {
        case .verifications: "verification_queue"
        case .notifications: "notification_queue"
        case .webmentions: "webmention_requests"
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
}
