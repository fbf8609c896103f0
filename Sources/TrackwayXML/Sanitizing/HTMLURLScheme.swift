/// The scheme a browser reads in a URL attribute's value, after the character references are
/// decoded (libxml2 has decoded them) and the whitespace and control characters browsers skip
/// are removed: `jav&#x61;script:`, `java\tscript:`, ` JaVaScRiPt:` all read `javascript`.
enum HTMLURLScheme {
    /// Schemes that run script or carry a document of their own, refused in the owner's HTML.
    static let scripting: Set<String> = ["javascript", "vbscript", "data", "livescript", "mocha"]

    /// Schemes a stranger's link may use (WordPress's comment links are mostly these); a
    /// relative URL, with no scheme, is allowed too.
    static let linkable: Set<String> = ["http", "https", "mailto"]

    /// The lowercased scheme of `value`, or nil when it has none (a relative URL).
    ///
    /// Every byte up to a space is dropped, not only the tab and newlines browsers drop: a
    /// value with a space inside its scheme is no URL a browser runs, and refusing it costs
    /// nothing.
    static func scheme(of value: UnsafeBufferPointer<UInt8>) -> String? {
        var scheme: [UInt8] = []
        for byte in value {
            switch byte {
            case 0...0x20, 0x7F: continue
            case UInt8(ascii: ":"): return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): scheme.append(byte | 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                scheme.append(byte)
            // `/`, `?`, `#` or any other character before a colon: a relative URL.
            default: return nil
            }
        }
        return nil
    }

    /// The schemes of every URL in a `srcset` (candidates split at commas and whitespace;
    /// descriptors such as `2x` have none).
    static func schemes(ofList value: UnsafeBufferPointer<UInt8>) -> [String] {
        value.split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 <= 0x20 }).compactMap { candidate in
            candidate.withUnsafeBufferPointer { scheme(of: $0) }
        }
    }
}
