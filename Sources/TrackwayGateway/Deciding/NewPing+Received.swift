import TrackwayCore
import TrackwayStore
import TrackwayXML

extension NewPing {
    /// A ping as the deciders store it: its comment text in WordPress's shape for its kind
    /// (`<strong>title</strong>` and the excerpt for a trackback, `[…] excerpt […]` otherwise),
    /// and, when `post` is given, the JSON the owner's webhook is sent about it (`PingNotification`).
    ///
    /// `sourceTitle`, `blogName` and `excerpt` are HTML text, as WordPress stores a comment's
    /// author and content: a decider escapes what it read as plain text (a page's title, the words
    /// around a link) and normalizes what a sender wrote (`HTMLText.normalized`). The
    /// notification carries them as plain text.
    ///
    /// The owner's spam `rules` (`SpamRuleDecider.decide`) may hold it pending or make spam of it,
    /// recorded on the ping; spam is neither checked (no fetch) nor notified.
    ///
    /// ```swift
    /// let ping = NewPing.received(.pingback, postID: 1, sourceURL: source, sourceTitle: HTMLText.escaped(title),
    ///                             excerpt: HTMLText.escaped(link.context), authorIP: client, userAgent: agent, status: .approved,
    ///                             verification: .verified, rules: rules, notifying: post)
    /// ```
    static func received(
        _ kind: CommentKind, postID: Int, sourceURL: String, sourceTitle: String, blogName: String = "", excerpt: String,
        authorIP: String, userAgent: String, status: ModerationStatus, verification: VerificationState,
        rules: SpamRules, notifying post: PingTarget?
    ) -> NewPing {
        let content = kind == .trackback ? TrackbackContent.composed(title: sourceTitle, excerpt: excerpt) : PingbackVerdict.content(excerpt: excerpt)
        // The author WordPress stores, and matches: a trackback's blog name, else the page's title.
        let fields = SpamRuleDecider.Fields(
            author: kind == .trackback ? blogName : sourceTitle, url: sourceURL, content: content, ip: authorIP, userAgent: userAgent
        )
        let decision = SpamRuleDecider.decide(fields, rules: rules)
        var status = status
        var verification = verification
        switch decision?.outcome {
        case .spam:
            status = .spam
            if verification == .queued { verification = .unchecked }
        case .hold: status = .pending
        case .refuse, nil: break
        }
        var ping = NewPing(
            postID: postID, kind: kind, sourceURL: sourceURL, sourceTitle: sourceTitle, blogName: blogName, content: content,
            authorIP: authorIP, status: status, verification: verification
        )
        if let decision {
            ping.spamRule = decision.rule.rawValue
            ping.spamRuleMatch = decision.match
        }
        if let post, status != .spam {
            ping.notificationPayload = PingNotification(
                pingID: 0, kind: kind.rawValue, status: status.rawValue, postID: post.postID,
                postTitle: HTMLLinkScanner.text(ofFragment: post.title), postURL: post.link, sourceURL: sourceURL,
                sourceTitle: HTMLLinkScanner.text(ofFragment: sourceTitle), blogName: HTMLLinkScanner.text(ofFragment: blogName),
                excerpt: HTMLLinkScanner.text(ofFragment: excerpt), clientAddress: authorIP
            ).json()
        }
        return ping
    }
}
