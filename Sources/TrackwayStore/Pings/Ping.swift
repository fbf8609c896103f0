import TrackwayCore

/// A stored trackback, pingback or webmention, as moderation lists it.
public struct Ping: Sendable, Equatable, Codable {
    public var id: Int
    public var postID: Int
    public var postTitle: String
    public var kind: CommentKind
    public var status: ModerationStatus
    public var sourceURL: String
    public var sourceTitle: String
    public var blogName: String
    public var content: String
    public var authorIP: String
    /// `import` for pings that came with an export, `gateway` for pings this server received.
    public var origin: String
    public var verification: VerificationState
    public var createdAt: String
    /// The spam rule that decided the ping's status when it arrived (`SpamRuleName`'s raw value),
    /// or empty when none did.
    public var spamRule: String
    /// What the rule matched: the key, the host, or the number of links; empty for `hold-all`.
    public var spamRuleMatch: String

    public init(
        id: Int, postID: Int, postTitle: String, kind: CommentKind, status: ModerationStatus, sourceURL: String,
        sourceTitle: String, blogName: String, content: String, authorIP: String, origin: String,
        verification: VerificationState, createdAt: String, spamRule: String = "", spamRuleMatch: String = ""
    ) {
        self.id = id
        self.postID = postID
        self.postTitle = postTitle
        self.kind = kind
        self.status = status
        self.sourceURL = sourceURL
        self.sourceTitle = sourceTitle
        self.blogName = blogName
        self.content = content
        self.authorIP = authorIP
        self.origin = origin
        self.verification = verification
        self.createdAt = createdAt
        self.spamRule = spamRule
        self.spamRuleMatch = spamRuleMatch
    }
}
