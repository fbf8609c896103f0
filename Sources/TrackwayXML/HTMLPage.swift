/// What Trackway needs from a fetched HTML page: its title and its links.
public struct HTMLPage: Sendable, Equatable {
    /// The first `<title>`'s text, whitespace collapsed (empty when the page has none).
    public var title: String
    /// Every `<a href>` in document order (capped by the scanner).
    public var links: [HTMLLink]

    public init(title: String, links: [HTMLLink]) {
        self.title = title
        self.links = links
    }
}
