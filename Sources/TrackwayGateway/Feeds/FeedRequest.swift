/// A request for one of the feeds, as its URL names it, relative to the site's home path:
/// WordPress's `/feed/`, `/feed/rss2/`, `/feed/atom/`, `/feed/rdf/`, `/?feed=rss2`, the old
/// `/wp-rss2.php` files, `/comments/feed/`, `<permalink>feed/`, `?p=ID&feed=rss2`,
/// `/category/slug/feed/`, `/tag/slug/feed/`; Movable Type's `/index.xml`, `/atom.xml` and
/// `/index.rdf`.
///
/// ```swift
/// FeedRequest(path: "/tag/swift/feed/atom/", query: nil, homePath: "/")
/// // FeedRequest(subject: .term(taxonomy: "post_tag", slug: "swift"), format: .atom, dialect: .wordPress)
/// ```
struct FeedRequest: Sendable, Equatable {
    /// What the feed lists.
    enum Subject: Sendable, Equatable {
        /// The site's newest posts.
        case site
        /// The site's newest approved comments and pings.
        case comments
        /// The newest posts filed under a category (`category`) or tag (`post_tag`); the slug in
        /// the store's form (non-ASCII as lowercase percent escapes).
        case term(taxonomy: String, slug: String)
        /// The comments and pings of the post at this path (its permalink, `feed/` removed).
        case post(path: String)
        /// The comments and pings of the post with this WordPress id (`?p=ID&feed=rss2`).
        case postID(String)
    }

    /// Whose templates the feed follows.
    enum Dialect: Sendable, Equatable {
        case wordPress, movableType
    }

    var subject: Subject
    var format: FeedFormat
    var dialect: Dialect

    /// WordPress's feed names, as `/feed/NAME/` and `?feed=NAME` take them (`feed` and `rss`
    /// are its default, RSS 2.0).
    private static let wordPressFeeds: [Substring: FeedFormat] = ["": .rss2, "feed": .rss2, "rss": .rss2, "rss2": .rss2, "atom": .atom, "rdf": .rdf]
    /// The feed files of WordPress before 3.0, which it still answers, and their subjects.
    private static let wordPressFiles: [Substring: (Subject, FeedFormat)] = [
        "wp-rss2.php": (.site, .rss2), "wp-rss.php": (.site, .rss2), "wp-atom.php": (.site, .atom), "wp-rdf.php": (.site, .rdf),
        "wp-commentsrss2.php": (.comments, .rss2),
    ]
    /// Movable Type's index templates and what each writes.
    private static let movableTypeFiles: [Substring: FeedFormat] = ["index.xml": .rss2, "atom.xml": .atom, "index.rdf": .rdf]

    /// Whether `path` and `query` may name a feed on some site: a test on the text alone, so
    /// that other requests go on without looking up a site.
    static func mayName(path: String, query: String?) -> Bool {
        path.hasSuffix("/feed") || path.contains("/feed/")
            || path.hasSuffix(".xml") || path.hasSuffix(".rdf") || path.hasSuffix(".php") && path.contains("/wp-")
            || query?.contains("feed=") == true
    }

    /// The feed `path` and `query` name on a site whose home page is at `homePath` (`/`, or
    /// `/blog/`); nil when they name none.
    init?(path: String, query: String?, homePath: String) {
        guard path.hasPrefix(homePath) || path + "/" == homePath else { return nil }
        let relative = path.dropFirst(min(homePath.count, path.count))
        if relative.isEmpty || relative == "index.php" {
            guard let fromQuery = Self.fromQuery(query) else { return nil }
            self = fromQuery
            return
        }
        if let format = Self.movableTypeFiles[relative] {
            self.init(subject: .site, format: format, dialect: .movableType)
            return
        }
        if let (subject, format) = Self.wordPressFiles[relative] {
            self.init(subject: subject, format: format, dialect: .wordPress)
            return
        }
        guard let (before, format) = Self.splitFeedSuffix(relative) else { return nil }
        self.init(subject: Self.subject(before: before, homePath: homePath), format: format, dialect: .wordPress)
    }

    init(subject: Subject, format: FeedFormat, dialect: Dialect) {
        self.subject = subject
        self.format = format
        self.dialect = dialect
    }

    /// `…feed/`, `…feed/NAME/` (the last slash optional): what comes before, and the format.
    private static func splitFeedSuffix(_ relative: Substring) -> (Substring, FeedFormat)? {
        var trimmed = relative
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        let segments = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard let last = segments.last else { return nil }
        if last == "feed" {
            return (trimmed.dropLast("feed".count), .rss2)
        }
        guard segments.count >= 2, segments[segments.count - 2] == "feed", let format = wordPressFeeds[last], !last.isEmpty else {
            return nil
        }
        return (trimmed.dropLast(last.count + "/feed".count), format)
    }

    /// The subject of `<before>feed/`: the site, its comments, a category or tag, or a post.
    private static func subject(before: Substring, homePath: String) -> Subject {
        let segments = before.split(separator: "/")
        if segments.isEmpty { return .site }
        if segments == ["comments"] { return .comments }
        if segments.count >= 2, segments[0] == "category" || segments[0] == "tag", let slug = segments.last {
            // A child category's address holds its parents' slugs too; its own is the last.
            return .term(taxonomy: segments[0] == "tag" ? "post_tag" : "category", slug: storedSlug(slug))
        }
        return .post(path: homePath + before)
    }

    /// `?feed=NAME` on the home page, with `p=`/`page_id=` (a post's comments), `category_name=`
    /// or `tag=` (a term's posts); nil without `feed=`.
    private static func fromQuery(_ query: String?) -> FeedRequest? {
        let form = URLForm(query: query)
        guard let value = form.string("feed") else { return nil }
        var name = Substring(value)
        var subject = Subject.site
        if name.hasPrefix("comments-") {
            name = name.dropFirst("comments-".count)
            subject = .comments
        }
        guard let format = wordPressFeeds[name] else { return nil }
        if let id = form.string("p") ?? form.string("page_id"), !id.isEmpty {
            subject = .postID(id)
        } else if let name = form.string("category_name"), let slug = name.split(separator: "/").last {
            // `parent/child` names the child, as in the path.
            subject = .term(taxonomy: "category", slug: ArchiveRoute.termSlug(String(slug)))
        } else if let slug = form.string("tag"), !slug.isEmpty {
            subject = .term(taxonomy: "post_tag", slug: ArchiveRoute.termSlug(slug))
        }
        return FeedRequest(subject: subject, format: format, dialect: .wordPress)
    }

    /// A slug from a path as the store holds it (`ArchiveRoute.termSlug`), percent escapes read first.
    private static func storedSlug(_ segment: Substring) -> String {
        ArchiveRoute.termSlug(String(decoding: URLForm.percentDecoded(Array(segment.utf8)), as: UTF8.self))
    }
}
