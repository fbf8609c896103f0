import TrackwayStore

/// Renders one feed of one site from the archive read model, which alone decides what is
/// public: the posts feeds list its public posts (a password-protected one by title and notice
/// only), the comment feeds the approved comments and pings of its public posts. Text becomes
/// safe HTML as on the pages (`ArchiveText`).
///
/// ```swift
/// let renderer = FeedRenderer(reader: reader, resolver: resolver, site: site,
///                             links: FeedLinks(base: base, homePath: "/", site: nil), requestHost: host)
/// let feed = try await renderer.render(request, selfURL: base + "/feed/")   // nil: no such feed
/// ```
struct FeedRenderer: Sendable {
    /// Items in a WordPress feed: WordPress's default `posts_per_rss`.
    static let wordPressItemLimit = 10
    /// WordPress's excerpt for a password-protected post (`get_the_excerpt`).
    static let protectedSummary = "There is no excerpt because this is a protected post."
    /// What stands for a password-protected post's content: its page asks for the password.
    static let protectedContent = "<p>This content is password protected.</p>"

    let reader: any ArchiveReader
    /// Finds the post a permalink or `?p=` names, as for pings.
    let resolver: TargetResolver
    let site: ArchiveSite
    let links: FeedLinks
    /// The request's `Host`, which the resolver weighs as pings do.
    let requestHost: String?

    /// The feed `request` names as its body and `Content-Type`, or nil when it names nothing
    /// public (an unknown term, a post the public never saw).
    func render(_ request: FeedRequest, selfURL: String) async throws -> (body: [UInt8], contentType: String)? {
        let siteTitle = ArchiveText.siteTitle(site)
        var channel = FeedChannel(
            title: siteTitle, homeURL: links.home, selfURL: selfURL, description: ArchiveText.plain(site.description),
            language: site.language, updated: nil
        )
        switch request.subject {
        case .site:
            let limit = request.dialect == .movableType ? MovableTypeFeeds.entryLimit : Self.wordPressItemLimit
            return try await posts(.all, limit: limit, channel: channel, request: request)
        case .term(let taxonomy, let slug):
            guard let term = try await reader.term(site: site.id, taxonomy: taxonomy, slug: slug) else { return nil }
            // WordPress titles an archive's feed "TERM – SITE" (`wp_get_document_title`).
            channel.title = "\(ArchiveText.plain(term.name)) \u{2013} \(siteTitle)"
            return try await posts(.term(taxonomy: taxonomy, slug: slug), limit: Self.wordPressItemLimit, channel: channel, request: request)
        case .comments:
            channel.title = "Comments for \(siteTitle)"
            return try await comments(post: nil, channel: channel, format: request.format)
        case .post(let path):
            guard let post = try await post(path: path, query: nil) else { return nil }
            return try await comments(of: post, channel: channel, format: request.format)
        case .postID(let id):
            guard let post = try await post(path: links.homePath, query: "p=" + id) else { return nil }
            return try await comments(of: post, channel: channel, format: request.format)
        }
    }

    private func posts(_ filter: ArchiveFilter, limit: Int, channel: FeedChannel, request: FeedRequest) async throws -> (body: [UInt8], contentType: String) {
        let entries = try await reader.posts(site: site.id, filter: filter, page: 1, perPage: limit).items.map(entry)
        var channel = channel
        channel.updated = entries.compactMap { entry in [entry.published, entry.updated].compactMap { $0 }.max() }.max()
        let body: [UInt8]
        switch (request.dialect, request.format) {
        case (.wordPress, .rss2): body = try WordPressRSS2Feed.document(channel: channel, entries: entries)
        case (.wordPress, .atom): body = try WordPressAtomFeed.document(channel: channel, entries: entries)
        case (.movableType, .rss2): body = try MovableTypeRSS2Feed.document(channel: channel, entries: entries)
        case (.movableType, .atom): body = try MovableTypeAtomFeed.document(channel: channel, entries: entries)
        case (_, .rdf): body = try RSS1Feed.document(channel: channel, entries: entries)
        }
        return (body, request.format.mediaType + "; charset=UTF-8")
    }

    /// A post's comment feed: "Comments on: TITLE" ("Comments on TITLE" in Atom, as WordPress
    /// has it), linking to the post.
    private func comments(of post: ArchivePost, channel: FeedChannel, format: FeedFormat) async throws -> (body: [UInt8], contentType: String) {
        var channel = channel
        channel.title = (format == .atom ? "Comments on " : "Comments on: ") + ArchiveText.plain(post.title)
        channel.homeURL = links.local(post.link)
        return try await comments(post: post.id, channel: channel, format: format)
    }

    /// The newest approved comments and pings of the site, or of one post, in Atom when asked
    /// for it and otherwise RSS 2.0 (WordPress has no RSS 1.0 comment feed).
    private func comments(post: Int?, channel: FeedChannel, format: FeedFormat) async throws -> (body: [UInt8], contentType: String) {
        let items = try await reader.recentDiscussion(site: site.id, post: post, limit: Self.wordPressItemLimit)
        let comments = items.map { item in
            let postLink = links.local(item.post.link)
            return FeedComment(
                postTitle: ArchiveText.plain(item.post.title), postLink: postLink, postGUID: item.post.link,
                author: ArchiveText.plain(item.author), link: postLink + "#comment-\(item.id)", guid: item.post.link + "#comment-\(item.id)",
                date: FeedDate(item.date), text: ArchiveText.strangerHTML(item.content)
            )
        }
        var channel = channel
        channel.updated = comments.compactMap(\.date).max()
        if format == .atom {
            let body = try WordPressAtomCommentsFeed.document(channel: channel, comments: comments, onePost: post != nil)
            return (body, FeedFormat.atom.mediaType + "; charset=UTF-8")
        }
        let body = try WordPressCommentsFeed.document(channel: channel, comments: comments, onePost: post != nil)
        return (body, FeedFormat.rss2.mediaType + "; charset=UTF-8")
    }

    private func entry(_ post: ArchivePost) -> FeedEntry {
        let link = links.local(post.link)
        let count = post.commentCount + post.pingCount
        let discussion = count > 0 || post.commentStatus == "open"
            ? FeedDiscussion(
                pageURL: link + "#comments", feedURL: links.commentsFeed(ofPostAt: link, format: .rss2),
                atomFeedURL: links.commentsFeed(ofPostAt: link, format: .atom), count: count
            )
            : nil
        let categories = post.categories.map { FeedCategory(name: ArchiveText.plain($0.name), kind: .category) }
            + post.tags.map { FeedCategory(name: ArchiveText.plain($0.name), kind: .tag) }
        return FeedEntry(
            title: ArchiveText.plain(post.title), link: link, guid: post.link, author: ArchiveText.plain(post.authorName),
            published: FeedDate(post.date), updated: FeedDate(post.modified), categories: categories,
            summary: post.isPasswordProtected ? Self.protectedSummary : ArchiveText.excerpt(post),
            content: post.isPasswordProtected ? Self.protectedContent : ArchiveText.content(post),
            discussion: discussion
        )
    }

    /// The public post of this site at `path` (a permalink whose `feed/` was asked for) or
    /// `?p=ID`, found as pings find their targets; the read model says whether it is public.
    private func post(path: String, query: String?) async throws -> ArchivePost? {
        guard case .post(let target) = try await resolver.resolve(path: path, query: query, requestHost: requestHost),
              let post = try await reader.post(id: target.postID), post.siteID == site.id else { return nil }
        return post
    }
}
