import Foundation
import TrackwayXML

/// Finds where a target page takes pings, from its response headers and HTML, the way a careful
/// sender does:
/// - Webmention: the first `Link` header with rel `webmention`, else the first `<link>` or `<a>`
///   with that rel in document order (one with no href is skipped; an empty href is the page);
/// - Pingback: the `X-Pingback` header, else `<link rel="pingback">`;
/// - TrackBack: the RDF `trackback:ping` describing the target (in a comment or not), else a
///   `rel="trackback"` link.
///
/// Relative endpoints resolve against the page's URL after redirects; entities in attributes are
/// decoded by the HTML parser; links inside comments and escaped markup are not links.
///
/// ```swift
/// let found = EndpointDiscovery.discover(targetURL: target, pageURL: final, headers: headers, body: html)
/// ```
public enum EndpointDiscovery {
    public static func discover(
        targetURL: String, pageURL: String, headers: [(name: String, value: String)], body: [UInt8], charset: String? = nil
    ) -> DiscoveredEndpoints {
        let page = HTMLLinkScanner.scan(body, pageURL: pageURL, charset: charset)
        var found = DiscoveredEndpoints(pageURL: pageURL)
        let linkHeaders = headers.filter { $0.name.lowercased() == "link" }.flatMap { LinkHeader.parse($0.value) }
        found.webmention = linkHeaders.first { $0.rels.contains("webmention") }.map { URIResolver.resolve($0.target, against: pageURL) }
            ?? page.relLinks.first { $0.rels.contains("webmention") && $0.url != nil }?.url
        found.pingback = headers.first { $0.name.lowercased() == "x-pingback" && !$0.value.isEmpty }
            .map { URIResolver.resolve($0.value, against: pageURL) }
            ?? page.relLinks.first { $0.element == "link" && $0.rels.contains("pingback") && $0.url != nil }?.url
        found.trackback = trackbackPing(in: page, targetURLs: [targetURL, pageURL])
            ?? page.relLinks.first { $0.rels.contains("trackback") && $0.url != nil }?.url
        return found
    }

    /// The RDF block describing one of `targetURLs` (fragment and trailing slash aside); a page
    /// with a single block describes itself. An archive page lists many posts: without a match
    /// none of them is taken for the target.
    static func trackbackPing(in page: HTMLPage, targetURLs: [String]) -> String? {
        let wanted = Set(targetURLs.map(comparable))
        if let match = page.trackbackRDF.first(where: { wanted.contains(comparable($0.identifier)) }) {
            return match.ping
        }
        return page.trackbackRDF.count == 1 ? page.trackbackRDF[0].ping : nil
    }

    private static func comparable(_ url: String) -> String {
        var text = url.trimmingCharacters(in: .whitespaces)
        if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
        while text.hasSuffix("/") { text.removeLast() }
        return text.lowercased()
    }
}
