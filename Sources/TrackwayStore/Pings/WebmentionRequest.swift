/// A received Webmention request (`source` mentions `target`), as validated and as its
/// verification left it.
public struct WebmentionRequest: Sendable, Equatable {
    public var id: Int
    /// The unguessable last segment of the request's status URL.
    public var token: String
    public var source: String
    public var target: String
    /// The post `target` resolved to when the request was received.
    public var postID: Int
    /// The sender's address.
    public var authorIP: String
    public var state: WebmentionState
    /// Why the request was refused or its mention deleted; empty otherwise.
    public var reason: String
    /// The `webmention` comment the request stored or refreshed.
    public var commentID: Int?
    /// Fetches of the source that failed and were retried.
    public var attempts: Int
    /// When the state last changed (UTC, `YYYY-MM-DD HH:MM:SS`).
    public var updatedAt: String
    /// The sender's `User-Agent`, which the spam rules match when the mention is stored.
    public var userAgent: String

    public init(
        id: Int, token: String, source: String, target: String, postID: Int, authorIP: String,
        state: WebmentionState, reason: String, commentID: Int?, attempts: Int, updatedAt: String, userAgent: String = ""
    ) {
        self.id = id
        self.token = token
        self.source = source
        self.target = target
        self.postID = postID
        self.authorIP = authorIP
        self.state = state
        self.reason = reason
        self.commentID = commentID
        self.attempts = attempts
        self.updatedAt = updatedAt
        self.userAgent = userAgent
    }
}
