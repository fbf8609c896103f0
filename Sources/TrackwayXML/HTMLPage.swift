/// What Trackway needs from a fetched HTML page: its title, its links, and the endpoints it
/// advertises (rel links, TrackBack RDF).
public struct HTMLPage: Sendable, Equatable {
    /// The first `<title>`'s text, whitespace collapsed (empty when the page has none).
    public var title: String
    /// Every `<a href>` in document order (capped by the scanner).
    public var links: [HTMLLink]
    /// Every `<link>` and `<a>` with a `rel` attribute, in document order (capped by the scanner).
    public var relLinks: [HTMLRelLink]
    /// The TrackBack RDF descriptions found in comments or in the markup, in document order.
    public var trackbackRDF: [HTMLTrackbackRDF]

    public init(title: String, links: [HTMLLink], relLinks: [HTMLRelLink] = [], trackbackRDF: [HTMLTrackbackRDF] = []) {
        self.title = title
        self.links = links
        self.relLinks = relLinks
        self.trackbackRDF = trackbackRDF
    }
}
