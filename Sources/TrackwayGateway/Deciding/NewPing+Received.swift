import TrackwayCore
import TrackwayStore

extension NewPing {
    /// A ping as the deciders store it: its comment text in WordPress's shape for its kind
    /// (`<strong>title</strong>` and the excerpt for a trackback, `[…] excerpt […]` otherwise),
    /// and, when `post` is given, the JSON the owner's webhook is sent about it (`PingNotification`).
    ///
    /// ```swift
    /// let ping = NewPing.received(.pingback, postID: 1, sourceURL: source, sourceTitle: title, excerpt: link.context,
    ///                             authorIP: client, status: .approved, verification: .verified, notifying: post)
    /// ```
    static func received(
        _ kind: CommentKind, postID: Int, sourceURL: String, sourceTitle: String, blogName: String = "", excerpt: String,
        authorIP: String, status: ModerationStatus, verification: VerificationState, notifying post: PingTarget?
    ) -> NewPing {
        let content = kind == .trackback
            ? "<strong>\(HTMLText.escaped(sourceTitle))</strong>\n\n\(HTMLText.escaped(excerpt))"
            : PingbackVerdict.content(excerpt: excerpt)
        var ping = NewPing(
            postID: postID, kind: kind, sourceURL: sourceURL, sourceTitle: sourceTitle, blogName: blogName, content: content,
            authorIP: authorIP, status: status, verification: verification
        )
        if let post {
            ping.notificationPayload = PingNotification(
                pingID: 0, kind: kind.rawValue, status: status.rawValue, postID: post.postID, postTitle: post.title, postURL: post.link,
                sourceURL: sourceURL, sourceTitle: sourceTitle, blogName: blogName, excerpt: excerpt, clientAddress: authorIP
            ).json()
        }
        return ping
    }
}
