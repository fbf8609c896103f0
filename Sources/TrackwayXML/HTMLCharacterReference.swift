import CLibXML2

/// Character references in HTML text (`&#8217;`, `&#x2019;`, `&rsquo;`), told apart from a bare
/// `&` as WordPress's kses tells them (`wp_kses_normalize_entities`): a decimal or hexadecimal
/// reference to a character allowed in a document, or a name from libxml2's HTML entity table,
/// always closed by `;`.
///
/// ```swift
/// HTMLCharacterReference.escapingBareCharacters("AT&T&#8217;s <b>")   // "AT&amp;T&#8217;s &lt;b&gt;"
/// ```
public enum HTMLCharacterReference {
    /// Longer names are in no entity table; HTML 4's longest is `thetasym`.
    private static let maxNameLength = 31
    /// WordPress reads at most 7 decimal and 6 hexadecimal digits after leading zeros.
    private static let maxDecimalDigits = 7
    private static let maxHexDigits = 6

    /// `text` as valid HTML text: its valid character references kept as written, every other
    /// `&`, `<` and `>` escaped (WordPress's kses escapes them so, `wp_pre_kses_less_than` the
    /// `<`), and NUL characters dropped (`wp_kses_no_null`). Markup is not recognised here: strip
    /// it first (`HTMLLinkScanner.textKeepingReferences(ofFragment:)`).
    public static func escapingBareCharacters(_ text: String) -> String {
        var text = text
        let escaped: String? = text.withUTF8 { bytes in
            // Most fields need nothing escaped: hand the same text back without building another.
            guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == 0 }) else {
                return nil
            }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "&"):
                    if let length = length(in: bytes, at: index) {
                        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                        index += length
                        continue
                    }
                    result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case 0: break
                default: result.append(byte)
                }
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// The length in bytes of the valid character reference that starts at `start` (an `&`), or
    /// nil when none starts there.
    static func length(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "#") {
            index += 1
            let hex = index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "x")
            if hex { index += 1 }
            while index < bytes.count, bytes[index] == UInt8(ascii: "0") { index += 1 }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.count, let digit = digitValue(bytes[index], hex: hex) {
                digits += 1
                guard digits <= (hex ? maxHexDigits : maxDecimalDigits) else { return nil }
                value = value * (hex ? 16 : 10) + digit
                index += 1
            }
            // At least one digit, leading zeros included: `&#0;` is zero, not allowed, `&#;` is nothing.
            let sawDigit = digits > 0 || bytes[index - 1] == UInt8(ascii: "0")
            guard sawDigit, index < bytes.count, bytes[index] == UInt8(ascii: ";"), isAllowed(value) else { return nil }
            return index + 1 - start
        }
        let nameStart = index
        while index < bytes.count, index - nameStart <= maxNameLength, isNameByte(bytes[index], first: index == nameStart) { index += 1 }
        let nameLength = index - nameStart
        guard nameLength > 0, nameLength <= maxNameLength, index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return nil }
        let known = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: nameLength + 1) { name in
            _ = name.initialize(from: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]))
            name[nameLength] = 0
            return htmlEntityLookup(name.baseAddress) != nil
        }
        return known ? index + 1 - start : nil
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        case UInt8(ascii: "0")...UInt8(ascii: "9"): !first
        default: false
        }
    }

    /// The characters WordPress's `valid_unicode` allows a numeric reference to name: XML's.
    private static func isAllowed(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
