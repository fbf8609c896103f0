import HTTPTypes
import Hummingbird
import TrackwayStore

extension GatewayResponder {
    /// The answer to a GET or HEAD of one of the feeds (`FeedRequest`), or nil when the request
    /// names none (or names a post the public never saw), so routing goes on. The site is the
    /// one the request's `Host` names (or `?site=ID`, or the only one), as for the archive pages.
    /// A feed is kept rendered in the archive's page cache until the database changes, sent with
    /// `ETag` and `Last-Modified`, and answered `304` to a client that holds it already.
    func feed(_ request: Request) async throws -> Response? {
        let path = request.uri.path
        let query = request.uri.query
        guard FeedRequest.mayName(path: path, query: query) else { return nil }
        let host = request.head.authority
        let cache = gateway.archivePages.cache
        let key = ArchivePageCache.Key(host: host ?? "", uri: request.uri.string)
        let (kept, generation) = await cache.lookUp(key)
        if let kept { return kept.response(to: request) }
        guard let (site, hostNamesIt) = try await feedSite(host: host, query: query, generation: generation) else { return nil }
        let homePath = Self.path(of: site.link).map(Self.directoryPath) ?? "/"
        guard let feedRequest = FeedRequest(path: path, query: query, homePath: homePath) else { return nil }
        let links = FeedLinks(base: gateway.baseURL(requestHost: host), homePath: homePath, site: hostNamesIt ? nil : site.id)
        let renderer = FeedRenderer(reader: gateway.archivePages.reader, resolver: gateway.resolver, site: site, links: links, requestHost: host)
        guard let feed = try await renderer.render(feedRequest, selfURL: links.local(path: path, query: query)) else {
            // A feed of no term is not found, as in WordPress. An address that names no public
            // post is left to the archive, which answers 404 unless it is one of its own (the
            // page of a category slugged `feed`: `/category/feed/`).
            if case .term = feedRequest.subject { return Self.text(.notFound, "Not found.\n") }
            return nil
        }
        var headers = ArchivePages.securityHeaders
        headers[.contentType] = feed.contentType
        headers[.cacheControl] = "no-cache"
        return cache.store(body: feed.body, headers: headers, for: key, renderedIn: generation).response(to: request)
    }

    /// The site the request's `Host` names, else the one `?site=ID` names, else the only one; and
    /// whether links can leave the site unnamed (the host names it, or it is the only one).
    private func feedSite(host: String?, query: String?, generation: Int) async throws -> (ArchiveSite, hostNamesIt: Bool)? {
        let reader = gateway.archivePages.reader
        let sites = try await gateway.archivePages.cache.sites(generation: generation) { try await reader.sites() }
        if let host = host.flatMap(TargetResolver.normalisedHost), let site = sites.first(where: { $0.hosts.contains(host) }) {
            return (site, true)
        }
        if let id = URLForm(query: query).string("site").flatMap(Int.init), let site = sites.first(where: { $0.id == id }) {
            return (site, sites.count == 1)
        }
        return sites.count == 1 ? sites.first.map { ($0, true) } : nil
    }

    /// `/blog` as `/blog/`: a site's home path ends with a slash.
    private static func directoryPath(_ path: String) -> String {
        let withoutQuery = path.prefix { $0 != "?" }
        return withoutQuery.hasSuffix("/") ? String(withoutQuery) : withoutQuery + "/"
    }
}
