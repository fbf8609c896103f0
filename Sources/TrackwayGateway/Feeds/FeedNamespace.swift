/// The namespace URIs the feeds declare.
enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let slash = "http://purl.org/rss/1.0/modules/slash/"
    static let syndication = "http://purl.org/rss/1.0/modules/syndication/"
    static let thread = "http://purl.org/syndication/thread/1.0"
    static let wellFormedWeb = "http://wellformedweb.org/CommentAPI/"
}
