import TrackwayCore

/// A trackback, pingback or webmention received by the gateway, ready to be stored.
public struct NewPing: Sendable, Equatable {
    public var postID: Int
    /// `.trackback`, `.pingback` or `.webmention`.
    public var kind: CommentKind
    /// The citing page's URL (`comment_author_url`).
    public var sourceURL: String
    public var sourceTitle: String
    public var blogName: String
    /// The stored comment text, already in WordPress's shape for the kind.
    public var content: String
    public var authorIP: String
    public var status: ModerationStatus
    /// `.queued` when a background check follows, `.verified` when the source was checked already.
    public var verification: VerificationState
    /// The JSON to POST to the owner's webhook, or nil when nobody is to be told.
    public var notificationPayload: String?
    /// The spam rule that decided `status` (`SpamRuleName`'s raw value), empty when none did; a
    /// ping a rule holds stays pending when its source is found to link to the post.
    public var spamRule = ""
    /// What the rule matched (the key, the number of links).
    public var spamRuleMatch = ""

    public init(
        postID: Int, kind: CommentKind, sourceURL: String, sourceTitle: String = "", blogName: String = "",
        content: String, authorIP: String, status: ModerationStatus, verification: VerificationState,
        notificationPayload: String? = nil
    ) {
        self.postID = postID
        self.kind = kind
        self.sourceURL = sourceURL
        self.sourceTitle = sourceTitle
        self.blogName = blogName
        self.content = content
        self.authorIP = authorIP
        self.status = status
        self.verification = verification
        self.notificationPayload = notificationPayload
    }
}
