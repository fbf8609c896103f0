import TrackwayCore

/// A row of the console's queue: the ping as moderation lists it, with what the row shows
/// beside it (the post's address and pending count, why a check failed).
public struct ConsolePing: Sendable, Equatable {
    /// The ping (its title, blog name and content are stored HTML text).
    public var ping: Ping
    /// WordPress's `comment_author` (what an imported ping keeps of its title or blog name).
    public var author: String
    /// The post's address on the old blog (its permalink).
    public var postLink: String
    public var siteID: Int
    /// The post's trackbacks, pingbacks and webmentions waiting for moderation.
    public var postPendingCount: Int
    /// The last error of a check that could not run (the source could not be fetched); empty otherwise.
    public var verificationError: String
    /// When it was received (UTC text, `2026-03-16 09:30:00`): the gateway's time, else the
    /// export's `comment_date_gmt`.
    public var receivedAt: String

    public init(ping: Ping, author: String, postLink: String, siteID: Int, postPendingCount: Int, verificationError: String, receivedAt: String) {
        self.ping = ping
        self.author = author
        self.postLink = postLink
        self.siteID = siteID
        self.postPendingCount = postPendingCount
        self.verificationError = verificationError
        self.receivedAt = receivedAt
    }
}
