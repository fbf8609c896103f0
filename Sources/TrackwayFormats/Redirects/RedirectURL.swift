import Foundation

/// A URL split into the parts a redirect needs; the fragment is dropped since it never reaches a server.
struct RedirectURL: Equatable {
    /// Lower-cased scheme and host (with port); both empty for a URL given as a bare path.
    var scheme: String
    var host: String
    /// Starts with `/`; `/` when the URL has no path.
    var path: String
    /// Without `?`.
    var query: String

    init(_ text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        if let schemeEnd = rest.range(of: "://") {
            scheme = rest[..<schemeEnd.lowerBound].lowercased()
            rest = rest[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            host = rest[..<hostEnd].lowercased()
            rest = rest[hostEnd...]
        } else {
            scheme = ""
            host = ""
        }
        let queryStart = rest.firstIndex(of: "?") ?? rest.endIndex
        let rawPath = rest[..<queryStart]
        path = rawPath.hasPrefix("/") ? String(rawPath) : "/" + rawPath
        query = queryStart < rest.endIndex ? String(rest[rest.index(after: queryStart)...]) : ""
    }

    /// The path and query as a request line carries them.
    var pathAndQuery: String { query.isEmpty ? path : path + "?" + query }
}
