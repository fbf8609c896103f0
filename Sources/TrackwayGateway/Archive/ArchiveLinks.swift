import Foundation
import TrackwayCore
import TrackwayStore

/// The addresses archive pages link to, on the server being browsed: root-relative paths
/// (`/category/boats/`), or on `--public-url` when it is given, so the pages can be clicked
/// through wherever the export's links pointed. When the request's host did not pick the site,
/// every listing link carries `site=ID`.
///
/// ```swift
/// let links = ArchiveLinks(base: "", site: nil)
/// links.listing(.term(taxonomy: "category", slug: "repairs"), path: ["boats", "repairs"], page: 2)
/// // "/category/boats/repairs/page/2/"
/// ```
struct ArchiveLinks: Sendable {
    /// `--public-url` without its trailing slash, or empty for root-relative links.
    let base: String
    /// The site id to name in listing links, when the host does not name it.
    let site: Int?

    var home: String { listing(.all) }
    var stylesheet: String { base + ArchiveRoute.stylesheetPath }
    /// The site's posts feed and its comments feed, as the blog published them: WordPress's
    /// `/feed/` and `/comments/feed/`, Movable Type's `/index.xml` (MT had no comments feed).
    func feeds(of format: SourceFormat) -> (posts: String, comments: String?) {
        let query = site.map { "?site=\($0)" } ?? ""
        if format == .movableType { return (base + "/index.xml" + query, nil) }
        return (base + "/feed/" + query, base + "/comments/feed/" + query)
    }
    /// Where the search form goes (its `s` field, and `site` when needed, are its inputs).
    var searchAction: String { base + "/" }

    /// A listing's address at WordPress's shapes; `path` is a category's slugs from its top
    /// ancestor (`ArchiveTerm.path`).
    func listing(_ filter: ArchiveFilter, path: [String] = [], page: Int = 1) -> String {
        var segments: [String] = []
        var query: [(name: String, value: String)] = []
        switch filter {
        case .all: break
        case .term(let taxonomy, let slug):
            segments = taxonomy == "category" ? ["category"] + (path.isEmpty ? [slug] : path) : ["tag", slug]
        case .author(let name): segments = ["author", Self.nicename(name)]
        case .month(let year, let month): segments = [String(year), month < 10 ? "0\(month)" : String(month)]
        case .search(let text): query.append(("s", text))
        }
        if page > 1 { segments += ["page", String(page)] }
        if let site { query.append(("site", String(site))) }
        let path = "/" + segments.map(Self.segment).map { $0 + "/" }.joined()
        return base + path + (query.isEmpty ? "" : "?" + String(decoding: URLForm.encoded(query), as: UTF8.self))
    }

    /// A post's page: the path of its old address (whichever host it names), comment page `commentPage`.
    func post(_ link: String, commentPage: Int = 1) -> String {
        var path = GatewayResponder.path(of: link) ?? "/"
        if commentPage > 1 {
            if !path.hasSuffix("/") { path += "/" }
            path += "comment-page-\(commentPage)/"
        }
        return base + path
    }

    /// WordPress's author nicename for a login: lower case, spaces as `-`.
    static func nicename(_ login: String) -> String {
        login.lowercased().replacingOccurrences(of: " ", with: "-")
    }

    /// A path segment: kept when it is already URL-safe (WordPress slugs are, percent-encoded
    /// where they are not ASCII), else percent-encoded.
    private static func segment(_ text: String) -> String {
        let safe = text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || "-._~%".utf8.contains(byte)
        }
        return safe ? text : String(decoding: URLForm.encoded([("", text)]).dropFirst(), as: UTF8.self)
    }
}
