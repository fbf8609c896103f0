/// The bytes of sanitized HTML as they are written: every text and attribute value escaped so
/// that nothing in it can end a tag, an attribute or a raw-text element.
///
/// Values are appended as runs of bytes, never character by character: a post of a thousand
/// nodes costs a thousand copies, not a String concatenation a character.
struct HTMLOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Markup Trackway writes itself (`<`, a checked name, `="`...), copied as it is.
    mutating func markup(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// A name the sanitizer checked, or CSS it checked, copied as it is.
    mutating func markup(_ checked: String) {
        bytes.append(contentsOf: checked.utf8)
    }

    /// Text content: `&`, `<` and `>` escaped (a `>` too, so that no text reads as the end of a
    /// comment or of a tag whatever a browser thinks it is inside).
    mutating func text(_ buffer: UnsafeBufferPointer<UInt8>) {
        escape(buffer, quotes: false)
    }

    /// An attribute value, to be written between double quotes: `"` and `'` escaped besides.
    mutating func attributeValue(_ buffer: UnsafeBufferPointer<UInt8>) {
        escape(buffer, quotes: true)
    }

    private mutating func escape(_ buffer: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        var runStart = 0
        for index in 0..<buffer.count {
            let replacement: StaticString
            switch buffer[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            case UInt8(ascii: "'") where quotes: replacement = "&#039;"
            // A NUL reaches no browser the same way twice (dropped, or U+FFFD): never written.
            case 0: replacement = ""
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            markup(replacement)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<buffer.count]))
    }
}
