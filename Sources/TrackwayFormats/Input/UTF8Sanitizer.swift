/// Replaces bytes that would stop a strict consumer with U+FFFD: invalid UTF-8 always, and in XML
/// mode the C0 controls other than TAB, LF and CR plus U+FFFE and U+FFFF (XML 1.0 forbids them,
/// and real WordPress exports contain them).
///
/// ```swift
/// var sanitizer = UTF8Sanitizer(forXML: true)
/// let cleaned = sanitizer.cleaned(Array("a\u{1}b".utf8))   // "a\u{FFFD}b", replacedCount == 1
/// ```
struct UTF8Sanitizer {
    /// Whether C0 controls and U+FFFE/U+FFFF are replaced too (XML), or only invalid UTF-8 (text).
    let forXML: Bool
    /// Replacements made so far.
    private(set) var replacedCount = 0

    init(forXML: Bool) {
        self.forXML = forXML
    }

    /// How many bytes at the start of `input` need no change: complete sequences, nothing to
    /// replace. `clean` would copy them as they are, so a caller may use them in place.
    func unchangedPrefixLength(_ input: UnsafeRawBufferPointer) -> Int {
        let count = input.count
        var read = 0
        while read < count {
            // Fastest path: eight bytes of ASCII that need no replacement, at once.
            if read + 8 <= count {
                let word = input.loadUnaligned(fromByteOffset: read, as: UInt64.self)
                if forXML ? Self.isLegalXMLASCII(word) : word & Self.highBits == 0 {
                    read += 8
                    continue
                }
            }
            let byte = input[read]
            if byte < 0x80 {
                guard !forXML || byte >= 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D else { return read }
                read += 1
                continue
            }
            let length = validSequenceLength(input, at: read)
            guard length > 0, !(forXML && isNonCharacter(input, at: read, length: length)) else { return read }
            read += length
        }
        return read
    }

    /// Cleans `input` into `output` (which must hold 3 bytes per input byte). Stops before a
    /// sequence cut off by the end of `input` unless `isFinal`; returns the bytes consumed and
    /// written.
    mutating func clean(
        _ input: UnsafeRawBufferPointer,
        into output: UnsafeMutableRawBufferPointer,
        isFinal: Bool
    ) -> (consumed: Int, written: Int) {
        let count = input.count
        var read = 0
        var written = 0
        while read < count {
            let unchanged = unchangedPrefixLength(UnsafeRawBufferPointer(rebasing: input[read...]))
            if unchanged > 0 {
                UnsafeMutableRawBufferPointer(rebasing: output[written..<written + unchanged])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: input[read..<read + unchanged]))
                read += unchanged
                written += unchanged
                continue
            }
            // The byte at `read` is a control XML forbids, U+FFFE or U+FFFF, or starts an
            // invalid or cut sequence.
            let byte = input[read]
            let length = byte < 0x80 ? 1 : validSequenceLength(input, at: read)
            if length > 0 {
                written = writeReplacement(into: output, at: written)
                read += length
                continue
            }
            // An invalid sequence: its longest valid prefix becomes one U+FFFD (Unicode's
            // "maximal subpart" practice), unless the input was merely cut short.
            let prefix = validPrefixLength(input, at: read)
            if read + prefix == count && !isFinal && prefix < expectedLength(byte) { break }
            written = writeReplacement(into: output, at: written)
            read += max(prefix, 1)
        }
        return (read, written)
    }

    /// Cleans a whole byte array at once (for short texts such as one Movable Type line).
    mutating func cleaned(_ bytes: [UInt8]) -> [UInt8] {
        if !forXML, bytes.allSatisfy({ $0 < 0x80 }) { return bytes }
        var output = [UInt8](repeating: 0, count: bytes.count * 3)
        let written = bytes.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { buffer in
                clean(input, into: buffer, isFinal: true).written
            }
        }
        output.removeSubrange(written...)
        return output
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// True when all eight bytes of `word` are ASCII that XML allows: U+0020 up, TAB, LF or CR.
    /// Every lane is computed on its own (no sum can carry into the next byte), so TAB, LF and
    /// CR, which end every line of an export, stay on this path.
    @inline(__always)
    private static func isLegalXMLASCII(_ word: UInt64) -> Bool {
        guard word & highBits == 0 else { return false }
        // A lane's high bit set: its byte is 0x20 or more (0x7F + 0x60 still fits in a byte).
        let printable = (word &+ 0x6060_6060_6060_6060) & highBits
        if printable == highBits { return true }
        let allowed = zeroLanes(word ^ 0x0909_0909_0909_0909)
            | zeroLanes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
            | zeroLanes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        return printable | allowed == highBits
    }

    /// The high bit of each lane of `value` (all lanes below 0x80) that is zero.
    @inline(__always)
    private static func zeroLanes(_ value: UInt64) -> UInt64 {
        ~((value &+ 0x7F7F_7F7F_7F7F_7F7F) | value) & highBits
    }

    private mutating func writeReplacement(into output: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        replacedCount += 1
        output[offset] = 0xEF
        output[offset + 1] = 0xBF
        output[offset + 2] = 0xBD
        return offset + 3
    }

    /// The length a lead byte announces (1 for bytes that cannot lead a sequence).
    private func expectedLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 1
        }
    }

    /// The allowed range of the second byte after `lead` (Unicode Table 3-7).
    private func secondByteRange(_ lead: UInt8) -> ClosedRange<UInt8> {
        switch lead {
        case 0xE0: return 0xA0...0xBF
        case 0xED: return 0x80...0x9F
        case 0xF0: return 0x90...0xBF
        case 0xF4: return 0x80...0x8F
        default: return 0x80...0xBF
        }
    }

    /// How many bytes from `start` form a valid prefix of a sequence (at least the lead when it can lead).
    private func validPrefixLength(_ input: UnsafeRawBufferPointer, at start: Int) -> Int {
        let lead = input[start]
        let expected = expectedLength(lead)
        guard expected > 1 else { return 0 }
        var length = 1
        while length < expected, start + length < input.count {
            let byte = input[start + length]
            let range: ClosedRange<UInt8> = length == 1 ? secondByteRange(lead) : 0x80...0xBF
            guard range.contains(byte) else { break }
            length += 1
        }
        return length
    }

    /// The length of the complete, valid multi-byte sequence at `start`, or 0.
    @inline(__always)
    private func validSequenceLength(_ input: UnsafeRawBufferPointer, at start: Int) -> Int {
        let lead = input[start]
        let expected = expectedLength(lead)
        guard expected > 1, start + expected <= input.count,
              secondByteRange(lead).contains(input[start + 1]) else { return 0 }
        for offset in 2..<expected where input[start + offset] & 0xC0 != 0x80 { return 0 }
        return expected
    }

    /// U+FFFE and U+FFFF, which XML forbids although they are valid UTF-8.
    private func isNonCharacter(_ input: UnsafeRawBufferPointer, at start: Int, length: Int) -> Bool {
        length == 3 && input[start] == 0xEF && input[start + 1] == 0xBF && input[start + 2] >= 0xBE
    }
}
