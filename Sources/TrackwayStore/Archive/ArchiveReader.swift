/// Everything the archive pages, feeds and read API read: the public side of the imported sites.
///
/// What the old blog showed the public is decided here, once, for every reader: published posts
/// and pages, attachments whose parent is public, approved comments and pings; a
/// password-protected item shows its title only. Anything else is not found (nil, or left out).
/// `StoreArchiveReader` is the SQLite engine; every method is `async` so that another engine
/// may answer over the network.
///
/// ```swift
/// let reader: any ArchiveReader = StoreArchiveReader(path: "trackway.sqlite")
/// if let site = try await reader.site(forHost: "blog.example") {
///     let home = try await reader.posts(site: site.id, filter: .all, page: 1, perPage: 10)
/// }
/// ```
public protocol ArchiveReader: Sendable {
    /// Every site, in the order they were first imported.
    func sites() async throws -> [ArchiveSite]

    /// The site that lived at `host` (normalised as in `LegacyURLKey`: lower case, no `www.`,
    /// port kept); nil when none did.
    func site(forHost host: String) async throws -> ArchiveSite?

    /// The public post, page or attachment with database id `id`; nil when there is none or the
    /// old blog did not show it.
    func post(id: Int) async throws -> ArchivePost?

    /// Page `page` (from 1) of the post's approved comments, `perPage` top-level threads a page
    /// (oldest first), each followed by its approved replies in thread order; `total` counts
    /// threads. A post with 200,000 comments is read a page at a time. Empty for a post that is
    /// not public or is password-protected.
    func comments(ofPost postID: Int, page: Int, perPage: Int) async throws -> ArchivePage<ArchiveComment>

    /// Page `page` (from 1) of the post's approved trackbacks, pingbacks and webmentions, oldest
    /// first. Empty for a post that is not public or is password-protected.
    func pings(ofPost postID: Int, page: Int, perPage: Int) async throws -> ArchivePage<ArchivePing>

    /// Page `page` (from 1) of the site's public posts (post type `post`) that `filter` selects,
    /// newest first, with their comment and ping counts.
    func posts(site: Int, filter: ArchiveFilter, page: Int, perPage: Int) async throws -> ArchivePage<ArchivePost>

    /// The term `slug` of `taxonomy` in the site, with its path of ancestors; nil when the site has none.
    func term(site: Int, taxonomy: String, slug: String) async throws -> ArchiveTerm?

    /// The site's author with this login (or WordPress nicename); nil when none.
    func author(site: Int, login: String) async throws -> ArchiveAuthor?

    /// The newest approved comments and pings of the site's public posts (or of one post),
    /// newest first, at most `limit`.
    func recentDiscussion(site: Int, post: Int?, limit: Int) async throws -> [ArchiveDiscussionItem]

    /// A number that differs after any committed change to the database, by this process or
    /// another (an import, `trackway pings approve`); cheap enough to ask several times a second.
    /// Rendered pages kept while it stays the same are still what the database holds.
    func changeToken() async throws -> Int64
}
