/// Text and tags told apart as WordPress's `wp_html_split` tells them: a tag runs from `<` to
/// the next `>` (or the end), a comment from `<!--` to the first `-->` after `<!` (so `<!-->`
/// is one), a CDATA section from `<![CDATA[` to `]]>`.
enum HTMLTagSplitter {
    /// `text` with every `needle` byte replaced by `replacement` inside tags, comments and CDATA
    /// sections only (WordPress's `wp_replace_in_html_tags` with one pair, its needle one ASCII
    /// character). Works on the UTF-8 bytes: a post has hundreds of tags.
    static func replacingInTags(_ text: String, _ needle: UInt8, with replacement: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            guard bytes.contains(needle) else { return String(decoding: bytes, as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 256)
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<") else {
                    result.append(bytes[index])
                    index += 1
                    continue
                }
                let end = tagEnd(in: bytes, from: index)
                for byte in bytes[index..<end] {
                    if byte == needle { result.append(contentsOf: replacement.utf8) } else { result.append(byte) }
                }
                index = end
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Where the tag, comment or CDATA section starting at `open` ends (just past it).
    private static func tagEnd(in bytes: UnsafeBufferPointer<UInt8>, from open: Int) -> Int {
        let closing: StaticString
        let searchFrom: Int
        if hasPrefix(bytes, at: open, "<!--") {
            (closing, searchFrom) = ("-->", open + 2)
        } else if hasPrefix(bytes, at: open, "<![CDATA[") {
            (closing, searchFrom) = ("]]>", open + 9)
        } else {
            (closing, searchFrom) = (">", open + 1)
        }
        return closing.withUTF8Buffer { closing in
            var index = searchFrom
            while index + closing.count <= bytes.count {
                if bytes[index] == closing[0], hasPrefix(bytes, at: index, closing) { return index + closing.count }
                index += 1
            }
            return bytes.count
        }
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: some Collection<UInt8>) -> Bool {
        index + prefix.count <= bytes.count && zip(bytes[index...], prefix).allSatisfy { $0 == $1 }
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { hasPrefix(bytes, at: index, $0) }
    }
}
