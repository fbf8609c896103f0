/// One permanent redirect: an old URL, the path and query a server matches it by, and where it goes.
///
/// ```swift
/// let map = try RedirectMap(sources: sources, newBase: "https://new.example")
/// for redirect in map.redirects { print(redirect.oldURL, "→", redirect.newURL) }
/// ```
public struct Redirect: Sendable, Equatable {
    /// The legacy URL as the old blog wrote it.
    public var oldURL: String
    /// The old URL's path as sent on the wire (percent-encoded), always starting with `/`.
    public var oldPath: String
    /// The old URL's query without `?`; empty when it has none.
    public var oldQuery: String
    /// Where the old URL now lives.
    public var newURL: String

    public init(oldURL: String, oldPath: String, oldQuery: String, newURL: String) {
        self.oldURL = oldURL
        self.oldPath = oldPath
        self.oldQuery = oldQuery
        self.newURL = newURL
    }
}
