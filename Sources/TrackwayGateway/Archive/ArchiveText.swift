import TrackwayCore
import TrackwayStore
import TrackwayXML

/// The one place archive pages turn stored text into HTML: the owner's content (paragraph rule
/// of its blog, then `HTMLSanitizer.postContent`), what strangers wrote (`HTMLSanitizer.comment`,
/// then WordPress's paragraphs), excerpts, and stored HTML text shown as plain text.
enum ArchiveText {
    /// The post's content (and Movable Type's extended body) as safe HTML: WordPress content
    /// through `wpautop`, a Movable Type entry through `convert_breaks` unless it said `0` or
    /// `richtext` (HTML as written).
    static func content(_ post: ArchivePost) -> String {
        [post.content, post.moreContent].filter { !$0.isEmpty }.map { text in
            HTMLSanitizer.postContent(paragraphs(text, of: post))
        }.joined(separator: "\n")
    }

    private static func paragraphs(_ text: String, of post: ArchivePost) -> String {
        switch post.format {
        case .wxr: ParagraphFormatting.wordPress(text)
        case .movableType: ["0", "richtext"].contains(post.convertBreaks) ? text : ParagraphFormatting.movableType(text)
        }
    }

    /// What a stranger wrote (a comment, a ping's excerpt) as safe HTML: WordPress's comment
    /// allow-list, then its paragraphs, as WordPress shows comment text.
    static func strangerHTML(_ html: String) -> String {
        ParagraphFormatting.wordPress(HTMLSanitizer.comment(html))
    }

    /// The site's name as text: its title, else (a Movable Type file names none) its host.
    static func siteTitle(_ site: ArchiveSite) -> String {
        let title = plain(site.title)
        return title.isEmpty ? site.host ?? site.sourceKey : title
    }

    /// Stored HTML text (a title, an author's or blog's name) as the text it shows.
    static func plain(_ html: String) -> String {
        HTMLLinkScanner.text(ofFragment: html)
    }

    /// A listing's excerpt of the post as safe HTML (WordPress's `wp_trim_excerpt`: the author's
    /// excerpt, else the first 55 words of the content).
    static func excerpt(_ post: ArchivePost) -> String {
        Excerpt.wordPress(excerpt: post.excerpt, content: post.moreContent.isEmpty ? post.content : post.content + "\n\n" + post.moreContent)
    }
}
