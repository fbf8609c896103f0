import TrackwayCore
import TrackwayStore

/// Resolves the URLs old links and pings use (permalinks, guids, `?p=ID`, TrackBack and Movable
/// Type forms) to posts, whatever host the request arrived on.
///
/// Answers are kept for two seconds (`ExpiringCache`): a flood of pings to one post costs one
/// lookup, not one per ping, and a post imported while the server runs is found within that time.
struct TargetResolver: Sendable {
    let store: any PingRepository
    /// The host of `--public-url`, normalised as in `LegacyURLKey`.
    let publicHost: String?
    private let resolutions = ExpiringCache<TargetResolution?>(capacity: 16_384)
    private let siteHosts = ExpiringCache<[String]>(capacity: 1)
    private let postURLKeys = ExpiringCache<Set<String>>(capacity: 4_096)
    private let trackbackTargets = ExpiringCache<StoredTrackbackTarget?>(capacity: 4_096)

    /// Resolves an absolute URL (a pingback target). `requestHost` is the Host the call came to.
    func resolve(url: String, requestHost: String?) async throws -> TargetResolution {
        try await resolutions.value(for: "url\n\(requestHost ?? "")\n\(url)") {
            try await resolveUncached(url: url, requestHost: requestHost)
        } ?? .notFound
    }

    /// Resolves a request to this server (`path` as received, `query` without `?`).
    func resolve(path: String, query: String?, requestHost: String?) async throws -> TargetResolution {
        try await resolutions.value(for: "path\n\(requestHost ?? "")\n\(path)?\(query ?? "")") {
            try await resolveUncached(path: path, query: query, requestHost: requestHost)
        } ?? .notFound
    }

    /// Resolves a TrackBack ping URL; nil when the path is none of the TrackBack forms.
    ///
    /// Forms: `<permalink>/trackback/`, `/wp-trackback.php?p=ID` (or `/wp-trackback.php/ID`),
    /// `/trackback/ID`, `…/mt-tb.cgi/ID`, `…/mt-tb.cgi?tb_id=ID`, and `tb_id=ID` on any of them.
    func resolveTrackback(path: String, query: String?, requestHost: String?) async throws -> TargetResolution? {
        try await resolutions.value(for: "trackback\n\(requestHost ?? "")\n\(path)?\(query ?? "")") {
            try await resolveTrackbackUncached(path: path, query: query, requestHost: requestHost)
        }
    }

    /// The Movable Type ping target a `mt-tb.cgi` URL names through the ids a backup import
    /// kept; nil when the URL is no such form or no import recorded its id (it then resolves as
    /// the other TrackBack forms do).
    func resolveMovableTypeTrackback(_ url: MovableTypeTrackbackURL, requestHost: String?) async throws -> StoredTrackbackTarget? {
        guard let id = url.numericID else { return nil }
        return try await trackbackTargets.value(for: "\(requestHost ?? "")\n\(id)") {
            try await store.trackbackTarget(id: id, host: requestHost.flatMap(Self.normalisedHost))
        }
    }

    /// Every URL key the post was reachable at: a source that links to any of them links to the post.
    func urlKeys(ofPost postID: Int) async throws -> Set<String> {
        try await postURLKeys.value(for: String(postID)) {
            try await store.urlKeys(ofPost: postID)
        }
    }

    private func resolveUncached(url: String, requestHost: String?) async throws -> TargetResolution {
        guard let key = LegacyURLKey(url) else { return .notFound }
        let host = Self.host(of: key)
        let pathAndQuery = String(key.value.dropFirst(host.count))
        if let post = try await store.post(forURLKey: key) { return .post(post) }
        let hosts = try await ourHosts(requestHost: requestHost)
        guard hosts.contains(host) else { return .notOurs }
        if let post = try await lookUp(pathAndQuery: pathAndQuery, hosts: hosts, except: host) { return .post(post) }
        if let id = Self.queryPostID(url), let post = try await store.post(sourceID: id, host: host) { return .post(post) }
        if let post = try await lookUpWithoutQuery(key: key, hosts: hosts) { return .post(post) }
        if let id = Self.pingbackFallbackID(url), let post = try await store.post(sourceID: id, host: host) { return .post(post) }
        return .notFound
    }

    private func resolveUncached(path: String, query: String?, requestHost: String?) async throws -> TargetResolution {
        let pathAndQuery = path + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
        guard let key = LegacyURLKey("http://local" + pathAndQuery) else { return .notFound }
        let normalised = String(key.value.dropFirst("local".count))
        let hosts = try await ourHosts(requestHost: requestHost)
        if let post = try await lookUp(pathAndQuery: normalised, hosts: hosts, except: nil) { return .post(post) }
        if let id = Self.wordpressID(path: path, query: query), let post = try await store.post(sourceID: id, host: requestHost) {
            return .post(post)
        }
        if let post = try await lookUpWithoutQuery(key: key, hosts: hosts) { return .post(post) }
        return .notFound
    }

    private func resolveTrackbackUncached(path: String, query: String?, requestHost: String?) async throws -> TargetResolution? {
        let form = URLForm(query: query)
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: true)
        var id: String?
        if let tbID = form.string("tb_id"), !tbID.isEmpty {
            id = tbID
        } else if let script = segments.firstIndex(where: { $0 == "mt-tb.cgi" || $0 == "wp-trackback.php" }) {
            id = segments.index(after: script) < segments.endIndex ? String(segments[segments.index(after: script)]) : nil
            if id == nil, segments[script] == "wp-trackback.php" { id = form.string("p") }
            guard let found = id, !found.isEmpty else { return .notFound }
        } else if segments.count == 2, segments[0] == "trackback" {
            id = String(segments[1])
        } else if segments.last == "trackback" {
            let permalink = "/" + segments.dropLast().joined(separator: "/") + "/"
            return try await resolve(path: permalink, query: nil, requestHost: requestHost)
        } else {
            return nil
        }
        guard let id else { return .notFound }
        // An importer may have recorded the exact TrackBack URL (MT's tb_id is not the entry id).
        if case .post(let post) = try await resolve(path: path, query: query.map { Self.withoutMode($0) }, requestHost: requestHost) {
            return .post(post)
        }
        return try await store.post(sourceID: id, host: requestHost).map(TargetResolution.post) ?? .notFound
    }

    private func ourHosts(requestHost: String?) async throws -> [String] {
        var hosts: [String] = []
        for host in [requestHost.flatMap(Self.normalisedHost), publicHost].compactMap({ $0 }) where !hosts.contains(host) {
            hosts.append(host)
        }
        for host in try await siteHosts.value(for: "", compute: { try await store.siteHosts().sorted() }) where !hosts.contains(host) {
            hosts.append(host)
        }
        return hosts
    }

    private func lookUp(pathAndQuery: String, hosts: [String], except: String?) async throws -> PingTarget? {
        for host in hosts where host != except {
            if let key = LegacyURLKey("http://" + host + pathAndQuery), let post = try await store.post(forURLKey: key) {
                return post
            }
        }
        return nil
    }

    /// The post at `key` without its query, on any of `hosts`: what WordPress's `url_to_postid`
    /// does once `?p=`/`?page_id=` did not match, so a permalink with tracking parameters
    /// (`?utm_source=feed`) that no export recorded still reaches its post.
    private func lookUpWithoutQuery(key: LegacyURLKey, hosts: [String]) async throws -> PingTarget? {
        guard let bare = key.withoutQuery else { return nil }
        if let post = try await store.post(forURLKey: bare) { return post }
        let host = Self.host(of: bare)
        return try await lookUp(pathAndQuery: String(bare.value.dropFirst(host.count)), hosts: hosts, except: host)
    }

    /// The WordPress post ID in a URL's query (`p=`, `page_id=` or `attachment_id=`): the first
    /// thing WordPress's `url_to_postid` looks at, before the path.
    static func queryPostID(_ url: String) -> String? {
        postID(in: URLParts(url).form, names: ["p", "page_id", "attachment_id"])
    }

    /// The WordPress post ID a pingback target names when nothing else matched, as WordPress's
    /// `pingback.ping` finds one last: a `/p/ID` path, or a fragment that is the ID or `post-ID`.
    /// (WordPress matches `p/ID` anywhere in the path, `/sitemap/2020` too; here `p` must be a
    /// whole segment. Its last resort, a post whose title matches the fragment, is left out: it
    /// guesses.)
    static func pingbackFallbackID(_ url: String) -> String? {
        let parts = URLParts(url)
        if let p = parts.pathSegments.firstIndex(of: "p"), p + 1 < parts.pathSegments.count,
           let id = postID(parts.pathSegments[p + 1]) {
            return id
        }
        guard let fragment = parts.fragment else { return nil }
        return postID(fragment) ?? (fragment.hasPrefix("post-") ? postID(String(fragment.dropFirst("post-".count))) : nil)
    }

    /// `?p=ID` or `?page_id=ID` on the blog's root or index.php.
    static func wordpressID(path: String, query: String?) -> String? {
        guard path == "/" || path.isEmpty || path.hasSuffix("/index.php") else { return nil }
        return postID(in: URLForm(query: query), names: ["p", "page_id"])
    }

    /// The first of the fields `names` of `form` that holds a post ID.
    private static func postID(in form: URLForm, names: [String]) -> String? {
        names.lazy.compactMap { form.string($0).flatMap(postID) }.first
    }

    /// `text` as a WordPress post ID: ASCII digits, leading zeros dropped (as PHP's `absint`),
    /// not 0; nil otherwise.
    private static func postID(_ text: String) -> String? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let significant = text.drop { $0 == "0" }
        return significant.isEmpty ? nil : String(significant)
    }

    static func withoutMode(_ query: String) -> String {
        query.split(separator: "&").filter { !$0.hasPrefix("__mode=") }.joined(separator: "&")
    }

    static func host(of key: LegacyURLKey) -> String {
        String(key.value.prefix { $0 != "/" && $0 != "?" })
    }

    /// `Host` header or URL host, normalised like `LegacyURLKey` hosts.
    static func normalisedHost(_ host: String) -> String? {
        LegacyURLKey("http://" + host).map(host(of:))
    }
}

/// A URL taken apart for the ID look-ups: its query fields, path segments (host left out) and fragment.
private struct URLParts {
    let form: URLForm
    let pathSegments: [String]
    let fragment: String?

    init(_ url: String) {
        let fragmentStart = url.firstIndex(of: "#")
        let beforeFragment = url[..<(fragmentStart ?? url.endIndex)]
        fragment = fragmentStart.map { String(url[url.index(after: $0)...]) }
        let queryStart = beforeFragment.firstIndex(of: "?")
        let beforeQuery = beforeFragment[..<(queryStart ?? beforeFragment.endIndex)]
        form = URLForm(query: queryStart.map { String(beforeFragment[beforeFragment.index(after: $0)...]) })
        let afterScheme = beforeQuery.firstRange(of: "://").map { beforeQuery[$0.upperBound...] } ?? ""
        pathSegments = afterScheme.split(separator: "/").dropFirst().map(String.init)
    }
}
