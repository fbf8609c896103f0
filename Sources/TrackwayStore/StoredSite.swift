import TrackwayCore

/// A site as the store holds it: its row id, identity and how much it holds.
///
/// ```swift
/// for site in try store.sites() { print(site.id, site.sourceKey, site.items) }
/// ```
public struct StoredSite: Sendable, Equatable, Codable {
    /// The row id other calls take as `siteID`.
    public var id: Int
    /// The site's identity across imports (WXR blog URL, or the name given for an MT file).
    public var sourceKey: String
    public var title: String
    public var format: SourceFormat
    public var authors: Int
    public var terms: Int
    /// Posts, pages, attachments and other items.
    public var items: Int
    /// Comments and pings of every kind and moderation state, imported or received.
    public var comments: Int

    public init(id: Int, sourceKey: String, title: String, format: SourceFormat,
                authors: Int = 0, terms: Int = 0, items: Int = 0, comments: Int = 0) {
        self.id = id
        self.sourceKey = sourceKey
        self.title = title
        self.format = format
        self.authors = authors
        self.terms = terms
        self.items = items
        self.comments = comments
    }
}
