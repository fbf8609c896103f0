import TrackwayCore
import TrackwayXML

/// The links of a post's content that are worth a ping: http(s) links to other sites, each once
/// (fragment aside), in document order. Like WordPress, a bare domain (no path, no query) is
/// never pinged: a home page is not a post.
///
/// ```swift
/// OutboundLinks.candidates(content: post.content, postURL: post.link, ownSiteURLs: post.siteURLs)
/// // ["https://their.example/2024/04/theirs/"]
/// ```
public enum OutboundLinks {
    public static func candidates(content: String, postURL: String, ownSiteURLs: [String]) -> [String] {
        let ownHosts = Set((ownSiteURLs + [postURL]).compactMap { LegacyURLKey($0).map(TargetResolver.host(of:)) })
        var seen = Set<String>()
        var candidates: [String] = []
        for link in HTMLLinkScanner.scan(Array(content.utf8), pageURL: postURL, charset: "utf-8").links {
            var url = link.url
            if let hash = url.firstIndex(of: "#") { url = String(url[..<hash]) }
            guard let key = LegacyURLKey(url), !ownHosts.contains(TargetResolver.host(of: key)),
                  key.value.contains("/") || key.value.contains("?"), !seen.contains(url) else { continue }
            seen.insert(url)
            candidates.append(url)
        }
        return candidates
    }
}
