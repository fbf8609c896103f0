import Foundation
import TrackwayXML

/// What a stranger wrote (a comment's or ping's stored HTML text) as the API gives it: HTML safe
/// to insert into a page, and plain text. Both are worked out once per distinct text and kept
/// (a pure function of the text, so never out of date), as the same mentions are asked for
/// again and again; at most `capacity` texts are kept.
///
/// ```swift
/// let content = MentionHTML(capacity: 1024).rendered("<p>Nice <b>post</b></p>")
/// content.text   // "Nice post"
/// ```
final class MentionHTML: @unchecked Sendable {
    private let capacity: Int
    private let lock = NSLock()
    private var kept: [String: (html: String, text: String)] = [:]

    init(capacity: Int = 8_192) {
        self.capacity = capacity
    }

    /// `stored` as safe HTML and as text.
    func rendered(_ stored: String) -> (html: String, text: String) {
        if let found = lock.withLock({ kept[stored] }) { return found }
        let text = HTMLLinkScanner.text(ofFragment: stored)
        let rendered = (html: Self.html(stored), text: text)
        lock.withLock {
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[stored] = rendered
        }
        return rendered
    }

    /// The one place the read API turns what a stranger wrote into HTML. Until the comment
    /// allow-list sanitizer is in, everything is text: markup is dropped and the text escaped,
    /// so nothing a sender wrote can act as markup.
    static func html(_ stored: String) -> String {
        HTMLText.escaped(HTMLLinkScanner.text(ofFragment: stored))
    }
}
