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
    /// ```swift
    /// let ping = NewPing.received(.pingback, postID: 1, sourceURL: source, sourceTitle: HTMLText.escaped(title),
    ///                             excerpt: HTMLText.escaped(link.context), authorIP: client, status: .approved,
    ///                             verification: .verified, notifying: post)
    /// ```
    static func received(
        _ kind: CommentKind, postID: Int, sourceURL: String, sourceTitle: String, blogName: String = "", excerpt: String,
        authorIP: String, status: ModerationStatus, verification: VerificationState, notifying post: PingTarget?
    ) -> NewPing {
        let content = kind == .trackback ? "<strong>\(sourceTitle)</strong>\n\n\(excerpt)" : PingbackVerdict.content(excerpt: excerpt)
        var ping = NewPing(
            postID: postID, kind: kind, sourceURL: sourceURL, sourceTitle: sourceTitle, blogName: blogName, content: content,
            authorIP: authorIP, status: status, verification: verification
        )
        if let post {
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
