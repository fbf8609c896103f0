/// One line of a key list (`moderation-keys`, `disallowed-keys`), with its case-folded form to
/// match: WordPress matches each as a case-insensitive substring (`preg_match("#word#iu")` on the
/// quoted word), character by character.
///
/// ```swift
/// SpamKey("CASINO").folded == SpamKey.caseFolded("casino")   // true
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

    /// `text` with each character replaced by the one its case class is matched by, as PCRE's
    /// caseless UTF matching compares them: one character for one (Unicode's simple mappings, so
    /// `ß` is not `ss`), `K`, `k` and the Kelvin sign alike, `σ`, `ς` and `Σ` alike.
    public static func caseFolded(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendCaseFolded(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text`, case-folded as `caseFolded` folds it, to `bytes` as UTF-8.
    public static func appendCaseFolded(_ text: String, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + text.utf8.count)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) }
            return
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else {
                UTF8.encode(fold(scalar)) { bytes.append($0) }
            }
        }
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Most letters outside the cased scripts (CJK, Arabic, …) have no case: no mapping to look up.
        guard scalar.properties.changesWhenCaseMapped else { return scalar }
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
