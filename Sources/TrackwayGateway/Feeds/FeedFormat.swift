/// The three feed formats legacy readers poll.
enum FeedFormat: Sendable, Hashable {
    /// RSS 2.0 (`/feed/`, `/index.xml`).
    case rss2
    /// Atom 1.0 (`/feed/atom/`, `/atom.xml`).
    case atom
    /// RSS 1.0, RDF (`/feed/rdf/`, `/index.rdf`).
    case rdf

    /// The `Content-Type` WordPress sends for the format (`feed_content_type`).
    var mediaType: String {
        switch self {
        case .rss2: return "application/rss+xml"
        case .atom: return "application/atom+xml"
        case .rdf: return "application/rdf+xml"
        }
    }
}
