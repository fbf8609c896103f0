/// Row counts across every site of a store, as `trackway stats --json` prints them.
///
/// ```swift
/// let stats = try store.stats()
/// stats.trackbacks   // imported and received trackbacks, whatever their moderation state
/// ```
public struct StoreStats: Sendable, Equatable, Codable {
    public var sites = 0
    public var authors = 0
    /// Distinct (taxonomy, slug) pairs per site: declared terms and those only posts mention.
    public var terms = 0
    /// Items of post type `post`.
    public var posts = 0
    public var pages = 0
    public var attachments = 0
    /// Items of every other post type.
    public var otherItems = 0
    /// Plain comments (`comment_type` `''` or `comment`) in every approval state.
    public var comments = 0
    public var trackbacks = 0
    public var pingbacks = 0
    public var webmentions = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case sites, authors, terms, posts, pages, attachments
        case otherItems = "other_items"
        case comments, trackbacks, pingbacks, webmentions
    }
}
