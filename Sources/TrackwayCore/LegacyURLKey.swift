/// The lookup key under which a legacy URL resolves to a post.
///
/// Old links reach a post with or without `www.`, over http or https, with or without a trailing
/// slash, so all of those spellings share one key: the lower-cased host without `www.` and
/// without a default port, then the path without its trailing slash, then the query.
///
/// ```swift
/// LegacyURLKey("https://www.Example.com/2009/01/hello/").value  // "example.com/2009/01/hello"
/// LegacyURLKey("http://example.com/?p=12").value                // "example.com/?p=12"
/// ```
public struct LegacyURLKey: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Normalises `url`; returns nil when it has no `http`/`https` scheme and host.
    public init?(_ url: String) {
        let trimmed = url.trimmingWhitespace()
        guard let schemeEnd = trimmed.firstRange(of: "://") else { return nil }
        let scheme = trimmed[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else { return nil }
        var rest = trimmed[schemeEnd.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var host = rest[..<hostEnd].lowercased()
        if let at = host.lastIndex(of: "@") { host = String(host[host.index(after: at)...]) }
        if host.hasSuffix(":80") || host.hasSuffix(":443"), let colon = host.lastIndex(of: ":") {
            host = String(host[..<colon])
        }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        guard !host.isEmpty else { return nil }
        let pathAndQuery = rest[hostEnd...]
        var path = pathAndQuery
        var query = Substring("")
        if let questionMark = pathAndQuery.firstIndex(of: "?") {
            path = pathAndQuery[..<questionMark]
            query = pathAndQuery[questionMark...]
        }
        while path.hasSuffix("/") { path = path.dropLast() }
        if query == "?" { query = "" }
        value = host + path + (query.isEmpty ? "" : (path.isEmpty ? "/" : "") + query)
    }

    public var description: String { value }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
