/// What the owner does to pings, one row or many at once: the moderation actions of WordPress's
/// comment screen. `Store.moderate(_:ids:)` (the CLI) and `PingRepository.moderate(_:ids:)` (a
/// server) carry each out as one write.
///
/// ```swift
/// let missing = try store.moderate(.trash, ids: [12, 13])   // ids that were no pings
/// ```
public enum PingAction: String, Sendable, CaseIterable {
    case approve
    /// Back to pending.
    case unapprove
    case spam
    case trash
    /// A ping in spam or trash goes back to the status it had before (pending when none is
    /// known), as WordPress's untrash and unspam do; others are left as they are.
    case restore
    /// Deleted for good, with its queue rows.
    case delete
}
