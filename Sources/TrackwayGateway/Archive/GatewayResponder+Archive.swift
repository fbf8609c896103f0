import HTTPTypes
import Hummingbird
import TrackwayStore

extension GatewayResponder {
    /// Answers a GET or HEAD no endpoint took: with `--redirect-base`, a post's address
    /// redirects; otherwise the archive: a post's page at any address it had, the home page,
    /// category, tag, author, monthly and search listings, the stylesheet, and on a host that
    /// names no site, the list of sites. Pages come from `ArchivePageCache` while the store is
    /// unchanged; conditional requests get 304. With `resolution`, the request is for that post
    /// whatever its path says (a GET of one of its TrackBack URLs).
    func archive(_ request: Request, resolution: TargetResolution? = nil) async throws -> Response {
        if gateway.configuration.redirectBase != nil {
            if let resolution { return try redirect(request, resolution: resolution) }
            return try redirect(request, resolution: await gateway.resolver.resolve(
                path: request.uri.path, query: request.uri.query, requestHost: request.head.authority
            ))
        }
        let cache = gateway.archivePages.cache
        let key = ArchivePageCache.Key(host: request.head.authority ?? "", uri: request.uri.string)
        let (kept, generation) = await cache.lookUp(key)
        if let kept { return kept.response(to: request) }
        guard let (body, headers) = try await renderArchive(request, resolution: resolution, generation: generation) else {
            return Self.text(.notFound, "Not found.\n", headers: ArchivePages.securityHeaders)
        }
        return cache.store(body: body, headers: headers, for: key, renderedIn: generation).response(to: request)
    }

    /// The page `request` asks for with its headers; nil when there is none (or the public never saw it).
    private func renderArchive(_ request: Request, resolution: TargetResolution?, generation: Int) async throws -> ([UInt8], HTTPFields)? {
        let reader = gateway.archivePages.reader
        let host = request.head.authority.flatMap(TargetResolver.normalisedHost)
        let sites = try await gateway.archivePages.cache.sites(generation: generation) { try await reader.sites() }
        let hostSite = host.flatMap { host in sites.first { $0.hosts.contains(host) } }
        let base = gateway.configuration.publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
        /// Links for pages of `site`: they name it unless the host does (or it is the only one).
        func links(_ site: ArchiveSite) -> ArchiveLinks {
            ArchiveLinks(base: base, site: hostSite?.id == site.id || sites.count == 1 ? nil : site.id)
        }
        var route = ArchiveRoute(path: request.uri.path, query: request.uri.query)
        if resolution != nil { route = .post(path: request.uri.path, query: nil, commentPage: 1) }
        switch route {
        case .stylesheet:
            return (Array(ArchiveStylesheet.css.utf8), ArchivePages.stylesheetHeaders)
        case .listing(let filter, let page):
            let named = URLForm(query: request.uri.query).string("site").flatMap(Int.init).flatMap { id in sites.first { $0.id == id } }
            guard let site = named ?? hostSite ?? (sites.count == 1 ? sites.first : nil) else {
                guard filter == .all, page == 1 else { return nil }
                return (try SiteListPage(sites: sites, base: base).html(), ArchivePages.pageHeaders)
            }
            return try await listing(site: site, filter: filter, page: page, links: links(site))
        case .post(let path, let query, let commentPage):
            var postID: Int?
            if case .post(let target) = resolution { postID = target.postID }
            if postID == nil { postID = try await resolvePost(path: path, query: query, host: request.head.authority, sites: sites) }
            guard let postID, let post = try await reader.post(id: postID), let site = sites.first(where: { $0.id == post.siteID }) else {
                return nil
            }
            return try await postPage(post, site: site, commentPage: commentPage, request: request, links: links(site))
        }
    }

    /// A post's page, comment page `commentPage`, with its discovery headers when it is a post or page.
    private func postPage(
        _ post: ArchivePost, site: ArchiveSite, commentPage: Int, request: Request, links: ArchiveLinks
    ) async throws -> ([UInt8], HTTPFields)? {
        let reader = gateway.archivePages.reader
        let comments = try await reader.comments(ofPost: post.id, page: commentPage, perPage: ArchivePages.commentsPerPage)
        let pings = try await reader.pings(ofPost: post.id, page: commentPage, perPage: ArchivePages.commentsPerPage)
        guard commentPage <= max(comments.pageCount, pings.pageCount) else { return nil }
        var headers = ArchivePages.pageHeaders
        var discovery: DiscoveryPage?
        if post.postType == "post" || post.postType == "page" {
            let requestHost = request.head.authority
            let endpoint = gateway.xmlrpcURL(requestHost: requestHost)
            let origin = gateway.baseURL(requestHost: requestHost)
            let permalink = Self.path(of: post.link) ?? request.uri.path
            // An MT entry keeps advertising its `mt-tb.cgi/<tb_id>` URL, as MT's templates did.
            let movableTypeTrackbackID = try await gateway.store.post(id: post.id)?.movableTypeTrackbackID
            discovery = DiscoveryPage(
                title: post.title, permalink: origin + permalink, originalLink: post.link,
                trackbackURL: movableTypeTrackbackID.map { origin + "/mt-tb.cgi/\($0)" }
                    ?? origin + (permalink.hasSuffix("/") ? permalink : permalink + "/") + "trackback/",
                pingbackURL: endpoint, webmentionURL: gateway.webmentionURL(requestHost: requestHost)
            )
            headers[.xPingback] = endpoint
            headers[.link] = webmentionLink(requestHost: requestHost)
        }
        let page = PostPage(site: site, post: post, comments: comments, pings: pings, links: links, discovery: discovery)
        return (try page.html(), headers)
    }

    private func listing(site: ArchiveSite, filter: ArchiveFilter, page: Int, links: ArchiveLinks) async throws -> ([UInt8], HTTPFields)? {
        let reader = gateway.archivePages.reader
        var subject = ""
        var path: [String] = []
        switch filter {
        case .term(let taxonomy, let slug):
            guard let term = try await reader.term(site: site.id, taxonomy: taxonomy, slug: slug) else { return nil }
            subject = ArchiveText.plain(term.name.isEmpty ? term.slug : term.name)
            path = term.path
        case .author(let login):
            guard let author = try await reader.author(site: site.id, login: login) else { return nil }
            subject = ArchiveText.plain(author.displayName)
        default:
            break
        }
        let posts = try await reader.posts(site: site.id, filter: filter, page: page, perPage: ArchivePages.postsPerPage)
        // As WordPress: past the last page, or an archive with no posts, is not found; the home
        // page and a search answer even when empty.
        guard page <= posts.pageCount else { return nil }
        if posts.total == 0 {
            switch filter {
            case .all, .search: break
            default: return nil
            }
        }
        let listing = ListingPage(site: site, filter: filter, subject: subject, path: path, posts: posts, links: links)
        return (try listing.html(), ArchivePages.pageHeaders)
    }

    /// The post at `path`: as the resolver finds it (any old address on the hosts it knows),
    /// else on the hosts the sites' own entries lived at (a Movable Type file names no blog URL).
    private func resolvePost(path: String, query: String?, host: String?, sites: [ArchiveSite]) async throws -> Int? {
        if case .post(let target) = try await gateway.resolver.resolve(path: path, query: query, requestHost: host) {
            return target.postID
        }
        let pathAndQuery = path + (query.map { $0.isEmpty ? "" : "?" + $0 } ?? "")
        for site in sites where site.link.isEmpty {
            for siteHost in site.hosts {
                if case .post(let target) = try await gateway.resolver.resolve(url: "http://" + siteHost + pathAndQuery, requestHost: host) {
                    return target.postID
                }
            }
        }
        return nil
    }
}
