/// A Movable Type TrackBack ping target (an `mt_trackback` row): the id `mt-tb.cgi/<id>` URLs
/// carry, and the entry or category it takes pings for.
///
/// MT's ping URLs name this id, not the entry's: category targets and deleted entries shift the
/// two apart, so only a backup's `trackback` rows keep old ping URLs landing on the right post.
///
/// ```swift
/// var target = TrackbackTarget(trackbackID: 5, subject: .entry(id: 10))
/// target.isDisabled = false
/// ```
public struct TrackbackTarget: Sendable, Equatable {
    /// What a target takes pings for.
    public enum Subject: Sendable, Equatable {
        /// The post of the Movable Type entry or page with this id, in the current site.
        case entry(id: Int)
        /// The category with this slug and label, in the current site.
        case category(slug: String, name: String)
    }

    /// `trackback.id`, the number in `mt-tb.cgi/<id>`.
    public var trackbackID: Int
    public var subject: Subject
    /// MT's `is_disabled`: pings are refused with "This TrackBack item is disabled.".
    public var isDisabled = false
    /// MT's `passphrase`: pings must carry it (`pass=` or `mt-tb.cgi/<id>/<passphrase>`); empty for none.
    public var passphrase = ""
    public var title = ""
    /// The page the target was for when MT made it.
    public var url = ""
    public var description = ""

    public init(trackbackID: Int, subject: Subject) {
        self.trackbackID = trackbackID
        self.subject = subject
    }
}
