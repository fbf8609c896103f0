import TrackwayCore

/// An approved comment or ping anywhere on a site, with the post it belongs to: what a site's
/// comments feed lists.
public struct ArchiveDiscussionItem: Sendable, Equatable {
    public var id: Int
    /// `comment`, `trackback`, `pingback` or `webmention`.
    public var kind: CommentKind
    /// The comment's author name, or for a ping WordPress's `comment_author` (blog name or page title).
    public var author: String
    /// The comment author's website, or the ping's source URL.
    public var authorURL: String
    /// For pings: the citing page's title and blog name; empty for comments.
    public var sourceTitle: String
    public var blogName: String
    /// As stored: render only through the comment allow-list.
    public var content: String
    public var date: ArchiveDate
    public var post: ArchivePostReference

    public init(
        id: Int, kind: CommentKind, author: String, authorURL: String, sourceTitle: String, blogName: String,
        content: String, date: ArchiveDate, post: ArchivePostReference
    ) {
        self.id = id
        self.kind = kind
        self.author = author
        self.authorURL = authorURL
        self.sourceTitle = sourceTitle
        self.blogName = blogName
        self.content = content
        self.date = date
        self.post = post
    }
}
