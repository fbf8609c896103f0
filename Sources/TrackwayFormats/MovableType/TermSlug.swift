/// A WordPress-style slug for a term label that has none (Movable Type categories and tags).
///
/// ```swift
/// TermSlug.make("Foo Bar!")   // "foo-bar"
/// TermSlug.make("Café")       // "caf%c3%a9"
/// ```
///
/// ASCII letters and digits are lower-cased, other non-ASCII characters are percent-encoded in
/// lower case (as WordPress stores them), and every other run of characters becomes one hyphen.
enum TermSlug {
    static func make(_ label: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for byte in label.utf8 {
            let piece: String?
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
                piece = String(UnicodeScalar(byte))
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                piece = String(UnicodeScalar(byte + 32))
            case 0x80...:
                let hex = String(byte, radix: 16)
                piece = "%" + (hex.count == 1 ? "0" + hex : hex)
            default:
                piece = nil
            }
            guard let piece else {
                pendingHyphen = true
                continue
            }
            if pendingHyphen && !slug.isEmpty { slug += "-" }
            pendingHyphen = false
            slug += piece
        }
        return slug
    }
}
