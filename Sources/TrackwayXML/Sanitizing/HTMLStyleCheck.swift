/// Whether CSS from the owner's HTML (a `style` attribute or a `<style>` element) is kept.
///
/// Current browsers run no script from CSS; the old ways (IE's `expression()` and
/// `behavior`, Firefox's `-moz-binding`, `javascript:` URLs) are refused all the same, read
/// after CSS comments and escapes are removed, as a browser of that time read them. A
/// `<style>` element is also refused when it holds a `<`: its text is written raw, and inside
/// `<svg>` or `<math>` a browser parses it as markup.
enum HTMLStyleCheck {
    private static let refused = ["expression(", "javascript:", "vbscript:", "-moz-binding", "behavior:", "behaviour:"]

    static func allows(_ css: UnsafeBufferPointer<UInt8>, isElement: Bool) -> Bool {
        if isElement, css.contains(UInt8(ascii: "<")) { return false }
        // Only text that could spell a refused word is worth normalising.
        guard css.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "\\") }) else {
            return true
        }
        let normalized = normalize(css)
        return !refused.contains { normalized.contains($0) }
    }

    /// Comments removed, `\` escapes decoded (hex or a plain character), whitespace and
    /// controls removed, ASCII lowercased.
    private static func normalize(_ css: UnsafeBufferPointer<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var index = 0
        while index < css.count {
            let byte = css[index]
            if byte == UInt8(ascii: "/"), index + 1 < css.count, css[index + 1] == UInt8(ascii: "*") {
                var end = index + 2
                while end + 1 < css.count, !(css[end] == UInt8(ascii: "*") && css[end + 1] == UInt8(ascii: "/")) { end += 1 }
                index = end + 2
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < css.count {
                var end = index + 1
                var value: UInt32 = 0
                while end < css.count, end - index <= 6, let digit = hexValue(css[end]) {
                    value = value &* 16 &+ digit
                    end += 1
                }
                if end > index + 1 {
                    if let scalar = Unicode.Scalar(value) { append(scalar, to: &scalars) }
                    index = end
                } else {
                    append(Unicode.Scalar(css[index + 1]), to: &scalars)
                    index += 2
                }
                continue
            }
            append(Unicode.Scalar(byte), to: &scalars)
            index += 1
        }
        return String(scalars)
    }

    private static func append(_ scalar: Unicode.Scalar, to scalars: inout String.UnicodeScalarView) {
        guard scalar.value > 0x20, scalar.value != 0x7F else { return }
        scalars.append(scalar.value < 0x80 ? Unicode.Scalar(UInt8(scalar.value)).lowercasedASCII : scalar)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

private extension Unicode.Scalar {
    var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value) | 0x20) : self
    }
}
