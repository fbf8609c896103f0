import Testing
@testable import TrackwayGateway

@Suite struct CharsetConverterTests {
    @Test("reads text without a charset as UTF-8 when it is valid, else as ISO-8859-1, as WordPress detects it")
    func undeclared() {
        #expect(CharsetConverter.decode(Array("Café 東京".utf8), charset: nil) == "Café 東京")
        #expect(CharsetConverter.decode([0x43, 0x61, 0x66, 0xE9], charset: nil) == "Café")
        #expect(CharsetConverter.decode([0x43, 0xE9], charset: "") == "Cé")
    }

    @Test("converts a declared charset, whatever its case, with iconv")
    func declared() {
        #expect(CharsetConverter.decode([0x43, 0x61, 0x66, 0xE9], charset: "iso-8859-1") == "Café")
        #expect(CharsetConverter.decode([0x93, 0x8C, 0x8B, 0x9E], charset: "Shift_JIS") == "東京")
        #expect(CharsetConverter.decode([0x80], charset: "WINDOWS-1252") == "€")
        #expect(CharsetConverter.decode(Array("ü".utf8), charset: "utf8") == "ü")
        #expect(CharsetConverter.decode([], charset: "ISO-8859-1") == "")
    }

    @Test("gives nothing for an unknown charset or bytes that are not valid in the declared one")
    func refusals() {
        #expect(CharsetConverter.decode([0x41], charset: "X-NO-SUCH-CHARSET") == nil)
        #expect(CharsetConverter.decode([0xC3], charset: "UTF-8") == nil)
        #expect(CharsetConverter.decode([0x82], charset: "Shift_JIS") == nil)
    }
}
