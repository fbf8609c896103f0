/// What kind of response to a post a comment row is.
public enum CommentKind: String, Sendable, Codable, CaseIterable {
    case comment
    case trackback
    case pingback
    case webmention
    /// Any other `comment_type` (plugin types such as `review` or `note`), kept as written.
    case other

    /// Classifies a WordPress `comment_type` value (`''` and `comment` are plain comments).
    public init(commentType: String) {
        switch commentType {
        case "", "comment": self = .comment
        case "trackback": self = .trackback
        case "pingback": self = .pingback
        case "webmention": self = .webmention
        default: self = .other
        }
    }
}

/// Moderation state of a comment or ping.
public enum ModerationStatus: String, Sendable, Codable, CaseIterable {
    case approved
    case pending
    case spam
    case trash

    /// Maps WordPress's `comment_approved` (`1`, `0`, `spam`, `trash`, `post-trashed`).
    public init(wordPressApproved value: String) {
        switch value {
        case "1", "approve", "approved": self = .approved
        case "spam": self = .spam
        case "trash", "post-trashed": self = .trash
        default: self = .pending
        }
    }

    /// WordPress's `comment_approved` for the state: `1`, `0`, `spam` or `trash`.
    public var wordPressApproved: String {
        switch self {
        case .approved: "1"
        case .pending: "0"
        case .spam: "spam"
        case .trash: "trash"
        }
    }
}

/// A comment, trackback or pingback attached to a post, imported or received.
public struct Comment: Sendable, Equatable, Codable {
    /// `wp:comment_id`, or the position within a Movable Type entry (`c1`, `p1`, …).
    public var sourceID: String
    /// The `comment_type` as written (`''`, `comment`, `trackback`, `pingback`, or others).
    public var commentType: String = ""
    public var author: String = ""
    public var authorEmail: String = ""
    public var authorURL: String = ""
    public var authorIP: String = ""
    public var date: String = ""
    public var dateGMT: String = ""
    public var content: String = ""
    /// `comment_approved` as written (`1`, `0`, `spam`, `trash`, `post-trashed`).
    public var approved: String = "1"
    public var parentSourceID: String = "0"
    public var userID: Int = 0
    public var meta: [MetaEntry] = []
    /// For pings: the title of the citing page (MT `TITLE`, pingback source title).
    public var sourceTitle: String = ""
    /// For trackbacks: the sending blog's name (MT `BLOG NAME`).
    public var blogName: String = ""

    public var kind: CommentKind { CommentKind(commentType: commentType) }
    public var status: ModerationStatus { ModerationStatus(wordPressApproved: approved) }

    public init(sourceID: String) {
        self.sourceID = sourceID
    }
}
