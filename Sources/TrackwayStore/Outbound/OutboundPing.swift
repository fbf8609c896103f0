/// One recorded attempt to ping `targetURL` from a post: the latest one per post and target.
public struct OutboundPing: Sendable, Equatable {
    public var postID: Int
    public var targetURL: String
    /// `webmention`, `pingback`, `trackback`, or empty when no endpoint was found.
    public var pingProtocol: String
    public var endpoint: String
    /// The sender's result (`accepted`, `no-endpoint`, `refused`, `fault`, `failed`).
    public var outcome: String
    public var message: String
    /// True when the target has it (accepted, or already registered): it is not pinged again.
    public var pinged: Bool
    /// UTC, `YYYY-MM-DD HH:MM:SS`; set by the store when recorded.
    public var sentAt: String

    public init(
        postID: Int, targetURL: String, pingProtocol: String, endpoint: String, outcome: String, message: String,
        pinged: Bool, sentAt: String = ""
    ) {
        self.postID = postID
        self.targetURL = targetURL
        self.pingProtocol = pingProtocol
        self.endpoint = endpoint
        self.outcome = outcome
        self.message = message
        self.pinged = pinged
        self.sentAt = sentAt
    }
}
