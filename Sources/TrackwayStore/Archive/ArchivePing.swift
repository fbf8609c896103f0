import TrackwayCore

/// An approved trackback, pingback or webmention as a post's page shows it.
///
/// Text fields are stored HTML text (WordPress's form): render them only through the comment
/// allow-list, or as text after decoding.
public struct ArchivePing: Sendable, Equatable {
    public var id: Int
    /// `trackback`, `pingback` or `webmention`.
    public var kind: CommentKind
    /// The citing page's address.
    public var sourceURL: String
    /// The citing page's title (a trackback's `title`, a pingback's page title); may be empty for
    /// imported pings, whose `author` then holds what WordPress stored.
    public var sourceTitle: String
    /// The citing blog's name (a trackback's `blog_name`); may be empty.
    public var blogName: String
    /// WordPress's `comment_author` for the ping: the blog name of a trackback, the page title of
    /// a pingback.
    public var author: String
    /// The excerpt (a trackback's `excerpt`; WordPress's `<strong>title</strong>` and excerpt for
    /// imported trackbacks, `[…] context […]` for pingbacks).
    public var excerpt: String
    public var date: ArchiveDate

    public init(
        id: Int, kind: CommentKind, sourceURL: String, sourceTitle: String, blogName: String, author: String,
        excerpt: String, date: ArchiveDate
    ) {
        self.id = id
        self.kind = kind
        self.sourceURL = sourceURL
        self.sourceTitle = sourceTitle
        self.blogName = blogName
        self.author = author
        self.excerpt = excerpt
        self.date = date
    }
}
