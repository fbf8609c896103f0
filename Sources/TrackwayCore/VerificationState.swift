/// How far the check that a received ping's source links to its target has come.
public enum VerificationState: String, Sendable, Codable, CaseIterable {
    /// Never checked: comments, and pings an export brought.
    case unchecked = ""
    /// Stored before the check: a background worker fetches the source.
    case queued
    /// The source was fetched and links to the post.
    case verified
    /// The source was fetched and does not link to the post: the ping waits for moderation.
    case failed
}
