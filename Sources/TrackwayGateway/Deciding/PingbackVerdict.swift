import TrackwayCore
import TrackwayXML

/// The pure decision over a fetched source page: does it link to the post, and with what words.
enum PingbackVerdict {
    /// The first link of `page` whose URL is one of the post's addresses (`postKeys`, as
    /// `LegacyURLKey` values), or is one with a query added (`?utm_source=feed`: WordPress
    /// resolves such a URL to the post too), or nil when the page does not link to the post.
    static func link(in page: HTMLPage, toAnyOf postKeys: Set<String>) -> HTMLLink? {
        page.links.first { link in
            guard let key = LegacyURLKey(link.url) else { return false }
            return postKeys.contains(key.value) || key.withoutQuery.map { postKeys.contains($0.value) } == true
        }
    }

    /// The comment text WordPress stores for a pingback: `[&#8230;] excerpt [&#8230;]`, the
    /// excerpt given as HTML text (the words around the link, escaped).
    static func content(excerpt: String) -> String {
        "[&#8230;] \(excerpt) [&#8230;]"
    }
}
