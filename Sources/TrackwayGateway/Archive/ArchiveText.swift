import TrackwayStore
import TrackwayXML

/// The one place archive pages turn stored text into HTML: the owner's content, what strangers
/// wrote (comments, pings), excerpts and stored HTML text shown as plain text.
enum ArchiveText {
    /// The post's content (and Movable Type's extended body) as HTML.
    static func content(_ post: ArchivePost) -> String {
        post.moreContent.isEmpty ? post.content : post.content + "\n" + post.moreContent
    }

    /// What a stranger wrote (a comment, a ping's excerpt) as HTML: its text, escaped, in a paragraph.
    static func strangerHTML(_ html: String) -> String {
        "<p>" + HTMLText.escaped(plain(html)) + "</p>"
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

    /// A listing's excerpt of the post, as text: the author's excerpt, else the first 55 words
    /// of the content followed by ` […]` (WordPress's `wp_trim_excerpt`).
    static func excerpt(_ post: ArchivePost) -> String {
        if !post.excerpt.isEmpty { return plain(post.excerpt) }
        let words = plain(content(post)).split(whereSeparator: \.isWhitespace)
        return words.prefix(55).joined(separator: " ") + (words.count > 55 ? " […]" : "")
    }
}
