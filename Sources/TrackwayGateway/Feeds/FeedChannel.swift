/// What a feed says about itself: the site, the feed's own address, and when it last changed.
///
/// ```swift
/// let channel = FeedChannel(title: "Peer Blog", homeURL: base + "/", selfURL: base + "/feed/",
///                           description: "A blog", language: "en-US", updated: newest)
/// ```
struct FeedChannel: Sendable, Equatable {
    /// What every feed names as its generator.
    static let generator = "Trackway"

    /// Plain text (`Swift – Peer Blog` for a category's feed).
    var title: String
    /// The site's home page on this server.
    var homeURL: String
    /// This feed's address on this server.
    var selfURL: String
    /// Plain text: the site's tagline.
    var description: String
    /// The site's language (`en-US`); empty when the export gave none.
    var language: String
    /// The newest change the feed shows; nil for an empty feed.
    var updated: FeedDate?
}
