import Foundation
import TrackwayXML

/// What a stranger wrote (a comment's or ping's stored HTML text) as the API gives it: HTML safe
/// to insert into a page, and plain text. Both are worked out once per distinct text and kept
/// (a pure function of the text, so never out of date), as the same mentions are asked for
/// again and again; at most `capacity` texts and `maxBytes` of text are kept.
///
/// ```swift
/// let content = MentionHTML(capacity: 1024).rendered("Nice <b>post</b>")
/// content.html   // "<p>Nice <b>post</b></p>\n"
/// content.text   // "Nice post"
/// ```
final class MentionHTML: @unchecked Sendable {
    private let capacity: Int
    private let maxBytes: Int
    private let lock = NSLock()
    private var kept: [String: (html: String, text: String)] = [:]
    private var keptBytes = 0

    init(capacity: Int = 8_192, maxBytes: Int = 16 << 20) {
        self.capacity = capacity
        self.maxBytes = maxBytes
    }

    /// `stored` as safe HTML, and as the text a reader sees of that HTML (markup the
    /// allow-list shows as text stays in it).
    func rendered(_ stored: String) -> (html: String, text: String) {
        if let found = lock.withLock({ kept[stored] }) { return found }
        let html = Self.html(stored)
        let rendered = (html: html, text: HTMLLinkScanner.text(ofFragment: html))
        let size = stored.utf8.count + html.utf8.count + rendered.text.utf8.count
        lock.withLock {
            if kept.count >= capacity || keptBytes + size > maxBytes {
                kept.removeAll(keepingCapacity: true)
                keptBytes = 0
            }
            if kept.updateValue(rendered, forKey: stored) == nil { keptBytes += size }
        }
        return rendered
    }

    /// The one place the read API turns what a stranger wrote into HTML: as a page shows a
    /// comment, WordPress's comment allow-list (`HTMLSanitizer.comment`), then its paragraphs.
    static func html(_ stored: String) -> String {
        ParagraphFormatting.wordPress(HTMLSanitizer.comment(stored))
    }
}
