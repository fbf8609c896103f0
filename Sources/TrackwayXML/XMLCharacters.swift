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
        guard value.unicodeScalars.contains(where: { !isLegal($0) }) else { return value }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: value.unicodeScalars.lazy.filter(isLegal))
        return String(scalars)
    }
}
