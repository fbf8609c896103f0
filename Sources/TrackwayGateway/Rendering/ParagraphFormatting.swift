/// The paragraph rules the old blogs published their text with: WordPress's `wpautop` and
/// Movable Type's "Convert Line Breaks" text filter. Both take the owner's text and give HTML
/// with `<p>` and `<br />`; run `HTMLSanitizer.postContent` on what they give, never before.
///
/// ```swift
/// ParagraphFormatting.wordPress("One\ntwo\n\nThree")   // "<p>One<br />\ntwo</p>\n<p>Three</p>\n"
/// ParagraphFormatting.movableType("One\ntwo\n\nThree") // "<p>One<br />\ntwo</p>\n\n<p>Three</p>"
/// ```
enum ParagraphFormatting {
    /// WordPress's `wpautop` (wp-includes/formatting.php, as of WordPress 6.x), with `$br` true:
    /// blank lines make paragraphs, other newlines `<br />`, block elements are not wrapped,
    /// `<pre>` and the inside of tags and comments are left as written, and newlines inside
    /// `<script>`, `<style>` and `<svg>` stay newlines. Shortcodes are text to it. Content made
    /// of blocks (it holds `<!-- wp:`) is returned as it is, as WordPress's `do_blocks` turns
    /// `wpautop` off for it.
    static func wordPress(_ content: String) -> String {
        if content.contains("<!-- wp:") { return content }
        return WordPressAutoParagraph.format(content)
    }

    /// Movable Type's `convert_breaks` (`__default__`, "Convert Line Breaks":
    /// `MT::Util::html_text_transform`, as MT 3 to 6 published it): the text is split at blank
    /// lines (`\r?\n\r?\n`), and each part that does not start with a block tag
    /// (`<h1>`…`<h6>`, `table`, `ol`, `dl`, `ul`, `menu`, `dir`, `p`, `pre`, `center`, `form`,
    /// `fieldset`, `select`, `blockquote`, `address`, `div`, `hr`, opening or closing, compared
    /// by prefix and case as MT compares them) gets `<br />` before each newline and is wrapped
    /// in `<p>`; the parts are joined by a blank line.
    static func movableType(_ text: String) -> String {
        MovableTypeLineBreaks.paragraphBreak.split(keepingEmpty: text).map { part in
            guard !MovableTypeLineBreaks.blockStart.matches(part) else { return String(part) }
            return "<p>" + MovableTypeLineBreaks.newline.replacing(in: String(part), with: "<br />\n") + "</p>"
        }.joined(separator: "\n\n")
    }
}

/// The patterns of Movable Type's `html_text_transform`.
private enum MovableTypeLineBreaks {
    static let paragraphBreak = TextPattern("\\r?\\n\\r?\\n")
    static let blockStart = TextPattern("^</?(?:h1|h2|h3|h4|h5|h6|table|ol|dl|ul|menu|dir|p|pre|center|form|fieldset|select|blockquote|address|div|hr)")
    static let newline = TextPattern("\\r?\\n")
}
