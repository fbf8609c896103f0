import Foundation

/// Text and tags told apart as WordPress's `wp_html_split` tells them: a tag runs from `<` to
/// the next `>` (or the end), a comment from `<!--` to the first `-->` after `<!` (so `<!-->`
/// is one), a CDATA section from `<![CDATA[` to `]]>`.
enum HTMLTagSplitter {
    /// `text` with `needle` replaced by `replacement` inside tags, comments and CDATA sections
    /// only (WordPress's `wp_replace_in_html_tags` with one pair).
    static func replacingInTags(_ text: String, _ needle: String, with replacement: String) -> String {
        guard text.contains(needle) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 64)
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "<") {
            result += text[index..<open]
            let end = tagEnd(in: text, from: open)
            result += text[open..<end].replacingOccurrences(of: needle, with: replacement)
            index = end
        }
        result += text[index...]
        return result
    }

    /// Where the tag, comment or CDATA section starting at `open` ends (just past it).
    private static func tagEnd(in text: String, from open: String.Index) -> String.Index {
        let rest = text[open...]
        let closing: String
        let searchFrom: String.Index
        if rest.hasPrefix("<!--") {
            closing = "-->"
            searchFrom = text.index(open, offsetBy: 2)
        } else if rest.hasPrefix("<![CDATA[") {
            closing = "]]>"
            searchFrom = text.index(open, offsetBy: 9)
        } else {
            closing = ">"
            searchFrom = text.index(after: open)
        }
        return text[searchFrom...].range(of: closing)?.upperBound ?? text.endIndex
    }
}
