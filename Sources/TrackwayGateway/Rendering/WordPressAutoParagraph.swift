import Foundation

/// WordPress's `wpautop`, step by step in WordPress's order (wp-includes/formatting.php);
/// `ParagraphFormatting.wordPress` is its entry point.
enum WordPressAutoParagraph {
    private static let s = TextPattern.space
    /// The elements `wpautop` treats as blocks (its `$allblocks`).
    private static let blocks = "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
    /// Where a tag's newlines wait while paragraphs are made (WordPress's placeholder).
    private static let tagNewline = " <!-- wpnl --> "

    private static let doubleBreak = TextPattern("<br\(s)*/?>\(s)*<br\(s)*/?>")
    private static let blockOpening = TextPattern("(<\(blocks)[\(s.dropFirst().dropLast())/>])")
    private static let blockClosing = TextPattern("(</\(blocks)>)")
    private static let horizontalRule = TextPattern("(<hr\(s)*?/?>)")
    private static let beforeOption = TextPattern("\(s)*<option")
    private static let afterOption = TextPattern("</option>\(s)*")
    private static let objectOpening = TextPattern("(<object[^>]*>)\(s)*")
    private static let objectClosing = TextPattern("\(s)*</object>")
    private static let objectParts = TextPattern("\(s)*(</?(?:param|embed)[^>]*>)\(s)*")
    private static let mediaOpening = TextPattern("([<\\[](?:audio|video)[^>\\]]*[>\\]])\(s)*")
    private static let mediaClosing = TextPattern("\(s)*([<\\[]/(?:audio|video)[>\\]])")
    private static let mediaSources = TextPattern("\(s)*(<(?:source|track)[^>]*>)\(s)*")
    private static let captionOpening = TextPattern("\(s)*(<figcaption[^>]*>)")
    private static let captionClosing = TextPattern("</figcaption>\(s)*")
    private static let manyNewlines = TextPattern("\\n\\n+")
    private static let paragraphBreak = TextPattern("\\n\(s)*\\n")
    private static let emptyParagraph = TextPattern("<p>\(s)*</p>")
    private static let unclosedInBlock = TextPattern("<p>([^<]+)</(div|address|form)>")
    private static let wrappedBlockTag = TextPattern("<p>\(s)*(</?\(blocks)[^>]*>)\(s)*</p>")
    private static let wrappedListItem = TextPattern("<p>(<li[^\\n]+?)</p>")
    private static let wrappedBlockquote = TextPattern("<p><blockquote([^>]*)>", caseInsensitive: true)
    private static let paragraphBeforeBlock = TextPattern("<p>\(s)*(</?\(blocks)[^>]*>)")
    private static let paragraphAfterBlock = TextPattern("(</?\(blocks)[^>]*>)\(s)*</p>")
    private static let preservedElements = TextPattern("<(script|style|svg).*?</\\1>", dotMatchesNewlines: true)
    private static let lineEnd = TextPattern("(?<!<br />)\(s)*\\n")
    private static let breakAfterBlock = TextPattern("(</?\(blocks)[^>]*>)\(s)*<br />")
    private static let breakBeforeBlock = TextPattern("<br />(\(s)*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)")
    private static let finalNewline = TextPattern("\\n</p>(?=\\n?\\z)")

    static func format(_ content: String) -> String {
        guard !content.trimmingPHPWhitespace().isEmpty else { return "" }
        var text = content + "\n"

        // <pre> elements are set aside whole and put back at the end.
        var preElements: [(placeholder: String, element: String)] = []
        if text.contains("<pre") {
            var parts = text.components(separatedBy: "</pre>")
            let lastPart = parts.removeLast()
            text = ""
            for part in parts {
                guard let start = part.range(of: "<pre") else {
                    // Malformed: WordPress keeps the part and loses its </pre>.
                    text += part
                    continue
                }
                let placeholder = "<pre wp-pre-tag-\(preElements.count)></pre>"
                preElements.append((placeholder, part[start.lowerBound...] + "</pre>"))
                text += part[..<start.lowerBound] + placeholder
            }
            text += lastPart
        }

        text = doubleBreak.replacing(in: text, with: "\n\n")
        text = blockOpening.replacing(in: text, with: "\n\n$1")
        text = blockClosing.replacing(in: text, with: "$1\n\n")
        text = horizontalRule.replacing(in: text, with: "$1\n\n")
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        text = HTMLTagSplitter.replacingInTags(text, UInt8(ascii: "\n"), with: tagNewline)

        if text.contains("<option") {
            text = beforeOption.replacing(in: text, with: "<option")
            text = afterOption.replacing(in: text, with: "</option>")
        }
        if text.contains("</object>") {
            text = objectOpening.replacing(in: text, with: "$1")
            text = objectClosing.replacing(in: text, with: "</object>")
            text = objectParts.replacing(in: text, with: "$1")
        }
        if text.contains("<source") || text.contains("<track") {
            text = mediaOpening.replacing(in: text, with: "$1")
            text = mediaClosing.replacing(in: text, with: "$1")
            text = mediaSources.replacing(in: text, with: "$1")
        }
        if text.contains("<figcaption") {
            text = captionOpening.replacing(in: text, with: "$1")
            text = captionClosing.replacing(in: text, with: "</figcaption>")
        }

        text = manyNewlines.replacing(in: text, with: "\n\n")
        text = paragraphBreak.split(text).map { "<p>" + $0.trimmingNewlines() + "</p>\n" }.joined()

        text = emptyParagraph.replacing(in: text, with: "")
        text = unclosedInBlock.replacing(in: text, with: "<p>$1</p></$2>")
        text = wrappedBlockTag.replacing(in: text, with: "$1")
        text = wrappedListItem.replacing(in: text, with: "$1")
        text = wrappedBlockquote.replacing(in: text, with: "<blockquote$1><p>")
        text = text.replacingOccurrences(of: "</blockquote></p>", with: "</p></blockquote>")
        text = paragraphBeforeBlock.replacing(in: text, with: "$1")
        text = paragraphAfterBlock.replacing(in: text, with: "$1")

        // Line breaks, but not inside script, style and svg.
        text = preservedElements.replacing(in: text) { $0.replacingOccurrences(of: "\n", with: "<WPPreserveNewline />") }
        text = text.replacingOccurrences(of: "<br>", with: "<br />").replacingOccurrences(of: "<br/>", with: "<br />")
        text = lineEnd.replacing(in: text, with: "<br />\n")
        text = text.replacingOccurrences(of: "<WPPreserveNewline />", with: "\n")

        text = breakAfterBlock.replacing(in: text, with: "$1")
        text = breakBeforeBlock.replacing(in: text, with: "$1")
        text = finalNewline.replacing(in: text, with: "</p>")

        for (placeholder, element) in preElements {
            text = text.replacingOccurrences(of: placeholder, with: element)
        }
        if text.contains("<!-- wpnl -->") {
            text = text.replacingOccurrences(of: tagNewline, with: "\n").replacingOccurrences(of: "<!-- wpnl -->", with: "\n")
        }
        return text
    }
}

private extension StringProtocol {
    /// PHP's `trim` with its default characters: space, tab, newline, carriage return, NUL, vertical tab.
    func trimmingPHPWhitespace() -> SubSequence {
        let isTrimmed: (Character) -> Bool = { " \t\n\r\0\u{0B}".contains($0) }
        guard let first = firstIndex(where: { !isTrimmed($0) }), let last = lastIndex(where: { !isTrimmed($0) }) else { return self[endIndex...] }
        return self[first...last]
    }

    /// PHP's `trim($text, "\n")`.
    func trimmingNewlines() -> SubSequence {
        guard let first = firstIndex(where: { $0 != "\n" }), let last = lastIndex(where: { $0 != "\n" }) else { return self[endIndex...] }
        return self[first...last]
    }
}
