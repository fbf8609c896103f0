/// Which characters XML 1.0 allows in a document.
public enum XMLCharacters {
    /// True for a scalar XML 1.0 allows: TAB, LF, CR, and U+0020 up, except the surrogates,
    /// U+FFFE and U+FFFF.
    @inlinable
    public static func isLegal(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `value` without the characters XML 1.0 forbids (returns `value` itself when it has none).
    public static func legal(_ value: String) -> String {
        guard mayHaveIllegal(value) else { return value }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.lazy.filter(isLegal))
        return String(scalars)
    }

    /// False when a byte scan proves `value` legal: no C0 control besides TAB, LF and CR, and no
    /// EF BF BE or EF BF BF (U+FFFE, U+FFFF). A valid String holds no surrogates, so that is all
    /// XML forbids; the scan is far cheaper than decoding scalars.
    private static func mayHaveIllegal(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
                if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return true }
                index += 1
            }
            return false
        }
    }
}
