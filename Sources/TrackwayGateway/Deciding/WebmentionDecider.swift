import TrackwayCore
import TrackwayStore

/// The Webmention decisions of the W3C Recommendation, free of I/O: which target a POST may name
/// (§3.2.1, after `WebmentionSubmission`), and what the background check of a queued request does
/// with what its fetch of the source brought (§3.2.2, §3.2.4): store the mention, refuse the
/// request (deleting a mention stored before when the source is gone or no longer links), or try
/// again later.
///
/// ```swift
/// let post = try WebmentionDecider.target(resolvedAs: resolution)   // throws(WebmentionRefusal)
/// ```
struct WebmentionDecider: Sendable {
    /// True when each stored mention carries its notification for the owner's webhook.
    var notifying: Bool

    /// What the check of a queued request does.
    enum Decision: Sendable, Equatable {
        /// Store the mention (approved, verified), or refresh the one stored before.
        case accept(NewPing)
        /// Refuse the request with `reason`; with `removingMention`, delete its earlier mention.
        case refuse(reason: String, removingMention: Bool)
        /// Keep the request queued and fetch again after `delaySeconds`.
        case retry(reason: String, delaySeconds: Int)
    }

    /// The post a submission's target resolved to: refused when the target is another site's,
    /// no post, or a post that takes no pings.
    static func target(resolvedAs resolution: TargetResolution) throws(WebmentionRefusal) -> PingTarget {
        try resolution.pingablePost(notOurs: WebmentionRefusal.targetNotOurs, notFound: .targetNotFound, closed: .targetClosed)
    }

    /// Refuses a source on a host the owner blocked (`blocked-hosts`), before anything is queued.
    static func admit(source: String, rules: SpamRules) throws(WebmentionRefusal) {
        if let blocked = SpamRuleDecider.door(sourceURL: source, rules: rules) { throw WebmentionRefusal(message: blocked.refusal) }
    }

    /// Whether the check needs the post (for the notification) before `decide`: only to store a
    /// mention that was found.
    func needsPost(for mention: WebmentionVerdict?) -> Bool {
        notifying && mention != nil
    }

    /// Decides on a fetched source: its `mention` of the target (`WebmentionVerdict.mention`, nil
    /// when there is none) accepted, else refused with the mention removed. `post` is the target
    /// post when `needsPost` asked for it. The owner's spam `rules` may hold a new mention pending
    /// or make spam of it.
    func decide(_ request: WebmentionRequest, mention: WebmentionVerdict?, post: PingTarget?, rules: SpamRules) -> Decision {
        guard let mention else { return .refuse(reason: "The source does not link to the target.", removingMention: true) }
        return .accept(.received(
            .webmention, postID: request.postID, sourceURL: request.source, sourceTitle: HTMLText.escaped(mention.title),
            excerpt: HTMLText.escaped(mention.excerpt),
            authorIP: request.authorIP, userAgent: request.userAgent, status: .approved, verification: .verified, rules: rules,
            notifying: notifying ? post : nil
        ))
    }

    /// Decides on a fetch that failed: a source gone (410) is refused with its mention removed; a
    /// failure that may pass is tried again while attempts are left; any other is refused, leaving
    /// a mention stored before.
    static func decide(_ request: WebmentionRequest, failedFetch error: FetchError) -> Decision {
        if case .httpStatus(410) = error.reason {
            return .refuse(reason: "The source is gone (HTTP 410).", removingMention: true)
        }
        guard let delay = error.retryDelaySeconds(afterAttempts: request.attempts) else {
            return .refuse(reason: "The source could not be fetched (\(error)).", removingMention: false)
        }
        return .retry(reason: "The last fetch of the source failed (\(error)); it will be tried again.", delaySeconds: delay)
    }
}
