import TrackwayCore
import TrackwayStore
import TrackwayXML

/// A stored mention as both of the API's shapes show it: texts decoded from the stored HTML
/// text, what a stranger wrote sanitized, times in ISO 8601, and webmention.io's vocabulary.
struct ShownMention {
    let id: Int
    let isComment: Bool
    /// `wm-protocol`: `trackback`, `pingback` or `webmention`; `comment` for a comment, which no
    /// ping protocol brought.
    let protocolName: String
    /// The author's name: a comment's author, or the blog a ping came from (its blog name, else
    /// the name WordPress gave the ping).
    let authorName: String?
    /// A comment author's site (http or https only).
    let authorURL: String?
    /// The mention's own URL: a ping's source, or a comment's anchor on the post.
    let url: String?
    /// A ping's source title.
    let name: String?
    let contentHTML: String?
    let contentText: String?
    /// A trackback's excerpt as text: the TrackBack `excerpt` is the sender's own summary of its
    /// post, what webmention.io gives as `summary` when a source declares one.
    let summary: String?
    /// When its author wrote it, with the offset of its local time (comments only; a ping's
    /// source does not say).
    let published: String?
    let publishedSeconds: Int?
    /// When it arrived, in UTC.
    let receivedSeconds: Int?
    /// The URL it mentions (`wm-target`).
    let target: String

    init(_ mention: Mention, target: MentionTarget, contents: MentionHTML) {
        id = mention.id
        isComment = mention.kind == .comment
        protocolName = mention.kind.rawValue
        self.target = target.url
        var content = mention.content
        var title = Self.text(mention.sourceTitle)
        if isComment {
            authorName = Self.text(mention.author)
            authorURL = HTMLText.webAddress(mention.authorURL)
            url = Self.commentURL(postLink: target.post.link, sourceID: mention.sourceID)
        } else {
            authorName = Self.text(mention.blogName) ?? Self.text(mention.author)
            authorURL = nil
            url = HTMLText.webAddress(mention.authorURL)
            if mention.kind == .trackback, let parts = TrackbackContent.parts(of: mention.content) {
                title = title ?? Self.text(parts.title)
                content = parts.excerpt
            } else if mention.kind == .pingback {
                // WordPress names a pingback after the citing page's title.
                title = title ?? Self.text(mention.author)
            }
        }
        name = title
        let rendered = contents.rendered(content)
        contentText = rendered.text.isEmpty ? nil : rendered.text
        contentHTML = contentText == nil ? nil : rendered.html
        summary = mention.kind == .trackback ? contentText : nil
        receivedSeconds = ISO8601Time.seconds(stored: mention.receivedAt)
        let published = isComment ? Self.published(local: mention.date, utc: mention.dateGMT) : nil
        self.published = published?.text
        publishedSeconds = published?.seconds
    }

    /// `wm-property`, and the key the target is given under.
    var property: String { isComment ? "in-reply-to" : "mention-of" }

    /// `wm-received`.
    var received: String? { receivedSeconds.map { ISO8601Time.iso8601($0, offset: 0) } }

    /// A comment's time as webmention.io writes `published`: local time with its offset (the
    /// difference of the stored local and UTC times), or without one when there is no UTC time
    /// to tell it by; nil without a local time.
    private static func published(local: String, utc: String) -> (text: String, seconds: Int)? {
        guard let localSeconds = ISO8601Time.seconds(stored: local) else { return nil }
        guard let utcSeconds = ISO8601Time.seconds(stored: utc), abs(localSeconds - utcSeconds) <= 18 * 3_600,
              (localSeconds - utcSeconds) % 60 == 0 else {
            return (String(ISO8601Time.iso8601(localSeconds, offset: 0).dropLast()), localSeconds)
        }
        return (ISO8601Time.iso8601(utcSeconds, offset: localSeconds - utcSeconds, zulu: false), utcSeconds)
    }

    /// Stored HTML text as plain text; nil when nothing is left.
    private static func text(_ html: String) -> String? {
        let text = HTMLLinkScanner.text(ofFragment: html)
        return text.isEmpty ? nil : text
    }

    /// A comment's place on its post, as WordPress links it (`#comment-ID`); the post itself for
    /// a comment without a WordPress id.
    private static func commentURL(postLink: String, sourceID: String) -> String? {
        guard let link = HTMLText.webAddress(postLink) else { return nil }
        let isNumber = !sourceID.isEmpty && sourceID.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        return isNumber ? link + "#comment-" + sourceID : link
    }
}
