/// The permanent redirects from a site's legacy URLs to their new home, ready to write as nginx,
/// Apache or CSV.
///
/// By default each old URL keeps its path and query under the new base; with a `pattern` posts
/// move to the rendered WordPress permalink structure and pages to their path under their
/// parents (`/about/team/`). Old paths are deduplicated (the item WordPress keeps of those
/// sharing a post id wins, then the first by post, then URL order), and URLs that would
/// redirect to themselves are left out.
///
/// ```swift
/// let map = try RedirectMap(sources: sources, newBase: "https://new.example",
///                           pattern: try RedirectPattern("/%year%/%monthnum%/%postname%/"))
/// print(map.rendered(as: .nginx))
/// ```
public struct RedirectMap: Sendable, Equatable {
    /// The new base every target starts with, without a trailing slash.
    public let newBase: String
    /// The redirects in post order, then URL order.
    public let redirects: [Redirect]

    /// Builds the map; throws when `newBase` is not an absolute http(s) URL.
    public init(sources: [RedirectSource], newBase: String, pattern: RedirectPattern? = nil) throws {
        let base = RedirectURL(newBase)
        guard base.scheme == "http" || base.scheme == "https", !base.host.isEmpty, base.query.isEmpty else {
            throw RedirectMapError.invalidBase(newBase)
        }
        var basePath = base.path
        while basePath.hasSuffix("/") { basePath.removeLast() }
        let prefix = "\(base.scheme)://\(base.host)\(basePath)"
        self.newBase = prefix

        // The item WordPress keeps claims a shared URL first; the map is then written in post order.
        let claiming = sources.indices.sorted {
            let (a, b) = (sources[$0], sources[$1])
            return (a.keepRank, a.postOrder, a.urlOrder, $0) < (b.keepRank, b.postOrder, b.urlOrder, $1)
        }
        var seen: Set<String> = []
        var kept: [(index: Int, redirect: Redirect)] = []
        for index in claiming {
            let source = sources[index]
            let old = RedirectURL(source.url)
            let target = Self.percentEncodingUnsafe(prefix + (pattern?.path(for: source) ?? old.pathAndQuery))
            guard RedirectURL(target) != old, seen.insert(Self.matchKey(old)).inserted else { continue }
            kept.append((index, Redirect(oldURL: source.url, oldPath: old.path, oldQuery: old.query, newURL: target)))
        }
        self.redirects = kept.sorted {
            let (a, b) = (sources[$0.index], sources[$1.index])
            return (a.postOrder, a.urlOrder, $0.index) < (b.postOrder, b.urlOrder, $1.index)
        }.map(\.redirect)
    }

    /// The map written in `format`, one rule a line, ending with a newline.
    public func rendered(as format: RedirectFormat) -> String {
        switch format {
        case .nginx: return nginx()
        case .apache: return apache()
        case .csv: return csv()
        }
    }

    /// What servers match an old URL by: its decoded path with or without trailing slash, and its
    /// query; two rules on one key would be a duplicate `location` nginx refuses to load.
    private static func matchKey(_ url: RedirectURL) -> String {
        var path = RedirectSyntax.decodedPath(url.path)
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + "?" + url.query
    }

    /// Percent-encodes what may not appear raw in a URL, and what nginx or Apache would read as
    /// syntax in a redirect target (`$` variables, quotes, spaces, braces); `%` escapes stay as given.
    static func percentEncodingUnsafe(_ url: String) -> String {
        var encoded = ""
        for byte in url.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80, byte > 0x20, !"\"\\${}<>^`|".unicodeScalars.contains(scalar), byte != 0x7F {
                encoded.unicodeScalars.append(scalar)
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
