import Testing
@testable import TrackwayFormats

@Suite("UTF-8 sanitizer")
struct UTF8SanitizerTests {
    func clean(_ bytes: [UInt8], forXML: Bool = true) -> (String, Int) {
        var sanitizer = UTF8Sanitizer(forXML: forXML)
        let output = sanitizer.cleaned(bytes)
        return (String(decoding: output, as: UTF8.self), sanitizer.replacedCount)
    }

    @Test("overlong forms, surrogates and out-of-range leads are replaced, one U+FFFD per maximal subpart")
    func invalidSequences() {
        // C0 80 (overlong NUL), ED A0 80 (a surrogate), F5 (beyond U+10FFFF), F0 9F 8E (cut 4-byte).
        let (text, count) = clean([0xC0, 0x80, 0x41, 0xED, 0xA0, 0x80, 0x42, 0xF5, 0x43, 0xF0, 0x9F, 0x8E])
        #expect(text == "\u{FFFD}\u{FFFD}A\u{FFFD}\u{FFFD}\u{FFFD}B\u{FFFD}C\u{FFFD}")
        #expect(count == 7)
    }

    @Test("XML mode replaces C0 controls and U+FFFE/U+FFFF; text mode keeps them")
    func controls() {
        let bytes: [UInt8] = [0x00, 0x1F, 0x09, 0x0A, 0x0D, 0x7F, 0xEF, 0xBF, 0xBE, 0xEF, 0xBF, 0xBD]
        #expect(clean(bytes).1 == 3)
        #expect(clean(bytes).0 == "\u{FFFD}\u{FFFD}\t\n\r\u{7F}\u{FFFD}\u{FFFD}")
        #expect(clean(bytes, forXML: false).1 == 0)
    }

    @Test("a sequence cut by the end of a chunk is left for the next one")
    func chunkBoundary() {
        var sanitizer = UTF8Sanitizer(forXML: true)
        let input: [UInt8] = [0x41, 0xE6, 0x9D]
        var output = [UInt8](repeating: 0, count: 9)
        let (consumed, written) = input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { sanitizer.clean(source, into: $0, isFinal: false) }
        }
        #expect(consumed == 1)
        #expect(written == 1)
        #expect(sanitizer.replacedCount == 0)
    }

    @Test("long clean ASCII and multi-byte text pass through the word-at-a-time path unchanged")
    func fastPath() {
        let text = String(repeating: "plain ascii text, ", count: 50) + "é東🎉" + String(repeating: "more\n", count: 9)
        #expect(clean(Array(text.utf8)) == (text, 0))
    }
}
