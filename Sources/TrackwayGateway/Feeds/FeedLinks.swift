/// The addresses a feed gives, all absolute and on this server (`--public-url`, or the request's
/// `Host`): a post's old permalink keeps its path and query and takes this server's base, so a
/// reader following a link stays here even though the export named the old host. When the host
/// does not name the site, the home page and the comment feeds carry `site=ID`, as the archive
/// pages' listing links do.
///
/// ```swift
/// let links = FeedLinks(base: "http://127.0.0.1:8080", homePath: "/", site: nil)
/// links.local("http://old.example/2008/01/hello/")     // "http://127.0.0.1:8080/2008/01/hello/"
/// links.commentsFeed(ofPostAt: "http://127.0.0.1:8080/?p=4", format: .rss2)   // "…/?p=4&feed=rss2"
/// ```
struct FeedLinks: Sendable, Equatable {
    /// Scheme and authority, no trailing slash.
    var base: String
    /// The site's home path on this server (`/`, or `/blog/`).
    var homePath: String
    /// The site id to name in links, when the host does not name the site.
    var site: Int?

    /// The site's home page.
    var home: String { base + homePath + (site.map { "?site=\($0)" } ?? "") }

    /// The address on this server of a post whose old address was `oldLink`; the home page when
    /// it has no path.
    func local(_ oldLink: String) -> String {
        base + (GatewayResponder.path(of: oldLink) ?? homePath)
    }

    /// This server's address for `path` (with its query) as requested.
    func local(path: String, query: String?) -> String {
        base + path + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
    }

    /// A post's comment feed, as WordPress's `get_post_comments_feed_link` gives it: `feed/` (or
    /// `feed/atom/`) after a path permalink, `&feed=rss2` after a query one (`?p=4`).
    func commentsFeed(ofPostAt link: String, format: FeedFormat) -> String {
        let siteField = site.map { "site=\($0)" }
        if link.contains("?") { return link + "&feed=" + (format == .atom ? "atom" : "rss2") + (siteField.map { "&" + $0 } ?? "") }
        let directory = link.hasSuffix("/") ? link : link + "/"
        return directory + (format == .atom ? "feed/atom/" : "feed/") + (siteField.map { "?" + $0 } ?? "")
    }
}
