import TrackwayCore

/// An approved comment, trackback, pingback or webmention of a public post, as the read API
/// shows it. Text fields are as stored: titles, names and content are HTML text.
public struct Mention: Sendable, Equatable {
    /// The comment's database id (`wm-id`).
    public var id: Int
    public var postID: Int
    public var kind: CommentKind
    /// The comment's id in its export (`wp:comment_id`, MT's `c1`); empty for received pings.
    public var sourceID: String
    /// The comment's author; for pings, who sent it as WordPress names them (blog or page title).
    public var author: String
    /// The comment author's site, or a ping's source URL.
    public var authorURL: String
    /// A ping's source title, when it was stored apart (MT exports, received pings).
    public var sourceTitle: String
    /// A trackback's blog name, when it was stored apart.
    public var blogName: String
    public var content: String
    /// The local time as written (`2008-01-21 13:15:16`).
    public var date: String
    /// The same time in UTC; empty when the export had none.
    public var dateGMT: String
    /// When it arrived, in UTC (`YYYY-MM-DD HH:MM:SS`): the time this server stored it, or the
    /// export's `date_gmt` for imported history.
    public var receivedAt: String

    public init(
        id: Int, postID: Int, kind: CommentKind, sourceID: String, author: String, authorURL: String,
        sourceTitle: String, blogName: String, content: String, date: String, dateGMT: String, receivedAt: String
    ) {
        self.id = id
        self.postID = postID
        self.kind = kind
        self.sourceID = sourceID
        self.author = author
        self.authorURL = authorURL
        self.sourceTitle = sourceTitle
        self.blogName = blogName
        self.content = content
        self.date = date
        self.dateGMT = dateGMT
        self.receivedAt = receivedAt
    }
}
