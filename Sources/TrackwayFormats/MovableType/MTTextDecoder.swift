/// Turns Movable Type line bytes into text from the file's charset, counting the invalid UTF-8
/// sequences it replaced with U+FFFD.
struct MTTextDecoder {
    private enum Charset {
        case utf8
        case latin1
        case windows1252
    }

    private let charset: Charset
    private var sanitizer = UTF8Sanitizer(forXML: false)

    /// The charsets understood by name, for error messages.
    static let supportedNames = "UTF-8, ISO-8859-1 (latin1), windows-1252 (cp1252), US-ASCII"

    /// nil for a charset name this decoder does not know.
    init?(charsetName: String?) {
        switch charsetName.map({ String($0.lowercased().map { $0 == "_" ? "-" : $0 }) }) {
        case nil, "utf-8", "utf8": charset = .utf8
        // MT labels its ASCII option ISO-8859-1, and Latin-1 decodes any byte.
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii": charset = .latin1
        case "windows-1252", "cp1252", "win-1252", "winlatin1": charset = .windows1252
        default: return nil
        }
    }

    /// True when the bytes are UTF-8, so a leading byte order mark is to be stripped.
    var isUTF8: Bool { charset == .utf8 }

    /// Replacements made so far.
    var replacedCount: Int { sanitizer.replacedCount }

    mutating func decode(_ bytes: [UInt8]) -> String {
        switch charset {
        case .utf8:
            return String(decoding: sanitizer.cleaned(bytes), as: UTF8.self)
        case .latin1:
            return String(String.UnicodeScalarView(bytes.lazy.compactMap { Unicode.Scalar(UInt32($0)) }))
        case .windows1252:
            return String(String.UnicodeScalarView(bytes.lazy.compactMap { byte in
                if (0x80...0x9F).contains(byte), let scalar = Unicode.Scalar(Self.windows1252High[Int(byte - 0x80)]) {
                    return scalar
                }
                return Unicode.Scalar(UInt32(byte))
            }))
        }
    }

    /// windows-1252's 0x80–0x9F; the five undefined bytes map to the C1 control of the same value.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}
