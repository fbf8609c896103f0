import TrackwayXML

/// The one place the read API turns what a stranger wrote into HTML for `content.html`.
enum MentionHTML {
    /// `stored` (a comment's or ping's HTML text) as HTML safe to insert into a page. Until the
    /// comment allow-list sanitizer is in, everything is text: markup is dropped and the text
    /// escaped, so nothing a sender wrote can act as markup.
    static func content(_ stored: String) -> String {
        HTMLText.escaped(HTMLLinkScanner.text(ofFragment: stored))
    }
}
