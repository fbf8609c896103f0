import TrackwayCore
import TrackwayXML

/// The pure decision over a fetched Webmention source: does it mention the target, judged by its
/// media type as the W3C Recommendation asks (§3.2.2), and with what title and words.
///
/// ```swift
/// let mention = WebmentionVerdict.mention(in: page, target: target, postKeys: keys)
/// ```
struct WebmentionVerdict: Sendable, Equatable {
    /// The source's title: its HTML `<title>`, else its host.
    var title: String
    /// The words around the mention, plain text.
    var excerpt: String

    /// Media types whose body is searched for the target's text instead of parsed as HTML.
    private static let textTypes: Set<String> = ["text/plain", "application/json", "text/json"]

    /// The mention of `target` in `page`, or nil when there is none.
    ///
    /// HTML (and pages of no stated type) must hold a link to the target or to another address of
    /// the same post (`postKeys`, as `LegacyURLKey` values), as pingbacks must. Plain text and
    /// JSON must contain the target URL itself (in JSON possibly with its slashes escaped).
    static func mention(in page: FetchedPage, target: String, postKeys: Set<String>) -> WebmentionVerdict? {
        let host = LegacyURLKey(page.url).map(TargetResolver.host(of:)) ?? page.url
        if let type = page.mediaType, textTypes.contains(type) {
            let text = String(decoding: page.body, as: UTF8.self)
            let spellings = [target, target.replacingAll("/", with: "\\/")]
            guard let line = text.split(whereSeparator: \.isNewline).first(where: { line in spellings.contains { line.contains($0) } }) else {
                return nil
            }
            return WebmentionVerdict(title: host, excerpt: HTMLText.excerpt(String(line), limit: 200))
        }
        let html = HTMLLinkScanner.scan(page.body, pageURL: page.url, charset: page.charset)
        let keys = postKeys.union(LegacyURLKey(target).map { [$0.value] } ?? [])
        guard let link = PingbackVerdict.link(in: html, toAnyOf: keys) else { return nil }
        return WebmentionVerdict(title: html.title.isEmpty ? host : html.title, excerpt: link.context)
    }
}
