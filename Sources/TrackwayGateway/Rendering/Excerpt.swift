import Foundation
import TrackwayXML

/// The excerpt a listing shows for a post, by WordPress's rule: the post's own excerpt when it
/// has one, otherwise its content with shortcodes removed and tags stripped, cut to 55 words
/// with ` [&hellip;]` (`wp_trim_excerpt`, `wp_trim_words`). What it gives is HTML, safe to place
/// in a page as it is.
///
/// ```swift
/// Excerpt.wordPress(excerpt: "", content: "<p>Hello [gallery ids=\"1,2\"] <b>world</b> &amp; all</p>")   // "Hello world &amp; all"
/// ```
enum Excerpt {
    /// WordPress's `excerpt_length`.
    static let wordLimit = 55
    /// WordPress's `excerpt_more`, appended when words were cut.
    static let more = " [&hellip;]"
    /// The shortcodes WordPress registers itself; `strip_shortcodes` removes them with what
    /// they enclose. Others are text, as WordPress without their plugin shows them.
    static let shortcodes: Set<String> = ["audio", "caption", "embed", "gallery", "playlist", "video", "wp_caption"]

    /// The listing's excerpt of a post whose own excerpt is `excerpt` and content `content`.
    /// An own excerpt is the owner's HTML, sanitized as post content; a made one is text with
    /// its character references as written and every bare `&`, `<`, `>` escaped.
    static func wordPress(excerpt: String, content: String, wordLimit: Int = wordLimit) -> String {
        if !excerpt.allSatisfy(\.isWhitespace) {
            return HTMLSanitizer.postContent(excerpt.trimmingCharacters(in: " \t\r\n"))
        }
        // Paragraphs first, as WordPress runs the content filters before stripping: `</p><p>`
        // then parts two words with a newline.
        let html = ParagraphFormatting.wordPress(removingShortcodes(content)).replacingOccurrences(of: "]]>", with: "]]&gt;")
        let text = HTMLLinkScanner.textKeepingReferences(ofFragment: html)
        return HTMLCharacterReference.escapingBareCharacters(trimmedToWords(text, limit: wordLimit))
    }

    /// `text` cut to its first `limit` words (runs of anything but space, tab, CR, LF), joined
    /// by one space, with `more` appended when there were more (`wp_trim_words`).
    static func trimmedToWords(_ text: String, limit: Int) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        guard words.count > limit else { return words.joined(separator: " ") }
        return words.prefix(limit).joined(separator: " ") + more
    }

    /// `content` without WordPress's own shortcodes, enclosed text included; `[[gallery]]`, an
    /// escaped shortcode, is left as `[gallery]` (`strip_shortcodes`).
    static func removingShortcodes(_ content: String) -> String {
        guard content.contains("[") else { return content }
        return ShortcodePattern.shortcode.replacing(in: content) { match in
            // The doubled brackets: `[[gallery]]` is an escaped shortcode, shown less one bracket
            // each side; a bracket doubled on one side only stays.
            let opening = match.hasPrefix("[[") ? "[" : ""
            let closing = match.hasSuffix("]]") ? "]" : ""
            if !opening.isEmpty, !closing.isEmpty { return String(match.dropFirst().dropLast()) }
            return opening + closing
        }
    }
}

/// WordPress's `get_shortcode_regex` over `Excerpt.shortcodes`: `[name attributes]`,
/// `[name attributes /]` or `[name attributes]enclosed[/name]`, each possibly doubled as `[[...]]`.
private enum ShortcodePattern {
    static let shortcode: TextPattern = {
        let names = Excerpt.shortcodes.sorted().joined(separator: "|")
        return TextPattern(
            "\\[(\\[?)(\(names))(?![\\w-])([^\\]\\/]*(?:\\/(?!\\])[^\\]\\/]*)*?)(?:(\\/)\\]|\\](?:([^\\[]*+(?:\\[(?!\\/\\2\\])[^\\[]*+)*+)\\[\\/\\2\\])?)(\\]?)"
        )
    }()
}
