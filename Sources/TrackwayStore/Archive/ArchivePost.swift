import TrackwayCore

/// A public post, page or attachment as its archive page or a listing shows it.
///
/// Only what the old blog showed everyone comes this way (`ArchiveReader` decides it once):
/// a password-protected item carries its title and `isPasswordProtected`, never its content,
/// excerpt or discussion.
public struct ArchivePost: Sendable, Equatable {
    /// The database id (`PingTarget.postID`).
    public var id: Int
    public var siteID: Int
    /// The id in the source (WordPress post ID, MT basename).
    public var sourceID: String
    /// `post`, `page` or `attachment`.
    public var postType: String
    public var title: String
    /// The address the item had in its old home: its permalink, else its first other recorded
    /// address (an MT entry's `UNIQUE URL`), else its guid.
    public var link: String
    /// The author's login (`dc:creator`, MT `AUTHOR`) and the name the blog showed for it.
    public var authorLogin: String
    public var authorName: String
    public var categories: [ArchiveTerm]
    public var tags: [ArchiveTerm]
    /// The owner's HTML as imported (WordPress `post_content`, MT `BODY`); empty for a
    /// password-protected item.
    public var content: String
    /// Movable Type's `EXTENDED BODY` (shown after the body); empty for WordPress.
    public var moreContent: String
    /// The excerpt the author wrote; empty when none (or password-protected).
    public var excerpt: String
    public var date: ArchiveDate
    public var modified: ArchiveDate
    /// Whose rules turn the text into paragraphs: WordPress's `wpautop` or Movable Type's
    /// `convert_breaks`.
    public var format: SourceFormat
    /// Movable Type's `CONVERT BREAKS` for the entry (`0`, `1`, `__default__`, a filter name);
    /// empty for WordPress and for entries that did not say.
    public var convertBreaks: String
    /// For an attachment: the file's URL (`wp:attachment_url`); empty otherwise.
    public var attachmentURL: String
    /// For an attachment: the item it is attached to, when that one is public.
    public var parent: ArchivePostReference?
    public var isPasswordProtected: Bool
    /// `open` or `closed`, as imported.
    public var commentStatus: String
    public var pingStatus: String
    /// Approved comments, and approved trackbacks, pingbacks and webmentions (none for a
    /// password-protected item).
    public var commentCount: Int
    public var pingCount: Int

    public init(
        id: Int, siteID: Int, sourceID: String, postType: String, title: String, link: String, authorLogin: String,
        authorName: String, categories: [ArchiveTerm], tags: [ArchiveTerm], content: String, moreContent: String,
        excerpt: String, date: ArchiveDate, modified: ArchiveDate, format: SourceFormat, convertBreaks: String,
        attachmentURL: String, parent: ArchivePostReference?, isPasswordProtected: Bool, commentStatus: String,
        pingStatus: String, commentCount: Int, pingCount: Int
    ) {
        self.id = id
        self.siteID = siteID
        self.sourceID = sourceID
        self.postType = postType
        self.title = title
        self.link = link
        self.authorLogin = authorLogin
        self.authorName = authorName
        self.categories = categories
        self.tags = tags
        self.content = content
        self.moreContent = moreContent
        self.excerpt = excerpt
        self.date = date
        self.modified = modified
        self.format = format
        self.convertBreaks = convertBreaks
        self.attachmentURL = attachmentURL
        self.parent = parent
        self.isPasswordProtected = isPasswordProtected
        self.commentStatus = commentStatus
        self.pingStatus = pingStatus
        self.commentCount = commentCount
        self.pingCount = pingCount
    }
}

/// Another item named from a page: an attachment's parent, or the post a comment belongs to.
public struct ArchivePostReference: Sendable, Equatable {
    public var id: Int
    public var title: String
    /// As `ArchivePost.link`.
    public var link: String

    public init(id: Int, title: String, link: String) {
        self.id = id
        self.title = title
        self.link = link
    }
}
