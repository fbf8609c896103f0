/// The endpoints a target page advertises, one per protocol, as absolute URLs.
///
/// ```swift
/// let found = EndpointDiscovery.discover(targetURL: target, pageURL: page.url, headers: page.headers, body: page.body)
/// found.endpoint(for: .pingback)   // "http://blog.example/xmlrpc.php"
/// ```
public struct DiscoveredEndpoints: Sendable, Equatable, Codable {
    /// The page read, after redirects: relative endpoints resolve against it.
    public var pageURL: String
    public var webmention: String?
    public var pingback: String?
    public var trackback: String?

    public init(pageURL: String, webmention: String? = nil, pingback: String? = nil, trackback: String? = nil) {
        self.pageURL = pageURL
        self.webmention = webmention
        self.pingback = pingback
        self.trackback = trackback
    }

    public func endpoint(for kind: PingProtocol) -> String? {
        switch kind {
        case .webmention: return webmention
        case .pingback: return pingback
        case .trackback: return trackback
        }
    }

    /// The first protocol, in the order a careful sender tries them, that has an endpoint.
    public var preferred: PingProtocol? {
        PingProtocol.allCases.first { endpoint(for: $0) != nil }
    }
}
