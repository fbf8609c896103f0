/// A Movable Type TrackBack ping target as the gateway sees it when `mt-tb.cgi/<id>` names it:
/// the post it takes pings for (with what decides whether it takes them), or the category.
public struct StoredTrackbackTarget: Sendable, Equatable {
    /// What the target takes pings for.
    public enum Subject: Sendable, Equatable {
        case post(PingTarget)
        /// A category's target (MT's category TrackBack); its label.
        case category(name: String)
    }

    /// The id in the URL (`trackback.id` in MT).
    public var trackbackID: Int
    public var siteID: Int
    public var subject: Subject
    /// MT's `is_disabled`.
    public var isDisabled: Bool
    /// MT's `passphrase`, empty for none.
    public var passphrase: String

    public init(trackbackID: Int, siteID: Int, subject: Subject, isDisabled: Bool, passphrase: String) {
        self.trackbackID = trackbackID
        self.siteID = siteID
        self.subject = subject
        self.isDisabled = isDisabled
        self.passphrase = passphrase
    }
}
