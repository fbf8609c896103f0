/// One line of a key list (`moderation-keys`, `disallowed-keys`), with its case-folded form to
/// match: WordPress matches each as a case-insensitive substring (`preg_match("#word#iu")` on the
/// quoted word), character by character.
///
/// ```swift
/// SpamKey("CASINO").occurs(in: SpamKey.caseFolded("Best casinos"))   // true
/// ```
public struct SpamKey: Sendable, Equatable {
    /// The line as the owner wrote it (trimmed).
    public let line: String
    /// `line` case-folded (`caseFolded`).
    public let folded: String

    public init(_ line: String) {
        self.line = line
        folded = Self.caseFolded(line)
    }

    /// True when the key occurs in `foldedText` (a text given through `caseFolded`).
    public func occurs(in foldedText: String) -> Bool {
        let key = folded.utf8
        let text = foldedText.utf8
        guard let first = key.first, key.count <= text.count else { return false }
        // Folding maps scalar to scalar, and UTF-8 never starts a scalar inside another, so
        // matching the bytes matches the characters.
        var index = text.startIndex
        let lastStart = text.index(text.endIndex, offsetBy: -key.count)
        while index <= lastStart {
            if text[index] == first, text[index...].starts(with: key) { return true }
            index = text.index(after: index)
        }
        return false
    }

    /// `text` with each character replaced by the one its case class is matched by, as PCRE's
    /// caseless UTF matching compares them: one character for one (Unicode's simple mappings, so
    /// `ß` is not `ss`), `K`, `k` and the Kelvin sign alike, `σ`, `ς` and `Σ` alike.
    public static func caseFolded(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: text.utf8.count) { buffer in
                var count = 0
                for byte in text.utf8 {
                    buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                    count += 1
                }
                return count
            }
        }
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { folded.append(fold(scalar)) }
        return String(folded)
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return byte >= 0x41 && byte <= 0x5A ? Unicode.Scalar(byte + 0x20) : scalar
        }
        // Through the upper case first, so that the lower-case variants of one letter (ς and σ,
        // ſ and s) meet; a mapping to more than one character is no simple mapping and is skipped.
        if let upper = single(scalar.properties.uppercaseMapping), let lower = single(upper.properties.lowercaseMapping) {
            return lower
        }
        return single(scalar.properties.lowercaseMapping) ?? scalar
    }

    private static func single(_ mapping: String) -> Unicode.Scalar? {
        let scalars = mapping.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }
}
