import TrackwayCore
import TrackwayStore
import TrackwayXML

/// What a feed carries of stored text as HTML a reader may render as it is: the owner's content
/// through the blog's paragraph rule then the post sanitizer, what strangers wrote through the
/// comment allow-list, and WordPress's excerpt. A password-protected post gives notices instead.
enum FeedText {
    /// WordPress's excerpt for a password-protected post (`get_the_excerpt`).
    static let protectedSummary = "There is no excerpt because this is a protected post."
    /// What stands for a password-protected post's content: its page asks for the password.
    static let protectedContent = "<p>This content is password protected.</p>"

    /// The post's content (and Movable Type's extended body), with its paragraphs, sanitized.
    static func content(_ post: ArchivePost) -> String {
        guard !post.isPasswordProtected else { return protectedContent }
        let text = ArchiveText.content(post)
        switch post.format {
        case .wxr:
            return HTMLSanitizer.postContent(ParagraphFormatting.wordPress(text))
        case .movableType:
            // An entry published with "None" as its text filter kept its breaks as written.
            return HTMLSanitizer.postContent(post.convertBreaks == "0" ? text : ParagraphFormatting.movableType(text))
        }
    }

    /// The post's excerpt by WordPress's rule (its own, else 55 words of its content).
    static func summary(_ post: ArchivePost) -> String {
        guard !post.isPasswordProtected else { return protectedSummary }
        return Excerpt.wordPress(excerpt: post.excerpt, content: ArchiveText.content(post))
    }

    /// A comment or a ping's excerpt, with its paragraphs, through the comment allow-list.
    static func discussion(_ html: String, format: SourceFormat) -> String {
        HTMLSanitizer.comment(format == .movableType ? ParagraphFormatting.movableType(html) : ParagraphFormatting.wordPress(html))
    }
}
