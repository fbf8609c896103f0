import Testing
import TrackwayXML

/// The stream writer as the WXR writer and the XML-RPC answers use it: whatever the text, the
/// output is well-formed and reads back to the same text.
@Suite struct XMLStreamWriterTests {
    /// The document `write` produces.
    private func document(_ write: (XMLStreamWriter) throws -> Void) throws -> String {
        var output: [UInt8] = []
        let writer = try XMLStreamWriter { output.append(contentsOf: $0) }
        try writer.startDocument()
        try write(writer)
        try writer.endDocument()
        return String(decoding: output, as: UTF8.self)
    }

    /// The text content and the `a` attribute of the root element of `xml`, read back.
    private func readBack(_ xml: String) throws -> (text: String, attribute: String?) {
        let reader = try XMLPullReader(bytes: Array(xml.utf8))
        var text = ""
        var attribute: String?
        while try reader.read() {
            if reader.kind == .element, reader.depth == 0 { attribute = reader.attribute("a") }
            if reader.kind == .text || reader.kind == .whitespace { text += reader.value }
        }
        return (text, attribute)
    }

    @Test("escapes markup in text and attribute values so the text reads back unchanged", arguments: [
        "a < b && c > d", #"say "hi" & 'bye'"#, "]]> and <![CDATA[", "&amp; stays &amp;", "Ünïcode 東京 🙂", "tab\tline\nfeed",
    ])
    func escapingRoundTrip(text: String) throws {
        let xml = try document { writer in
            try writer.startElement("r")
            try writer.attribute("a", text)
            try writer.text(text)
            try writer.endElement()
        }
        #expect(!xml.contains("<![CDATA["), "plain text is escaped, not wrapped")
        let read = try readBack(xml)
        #expect(read.text == text)
        // Attribute values are normalised by readers: tab and line feed must arrive as references.
        #expect(read.attribute == text)
    }

    @Test("CDATA content reads back unchanged, however many ]]> it holds", arguments: ["x ]]> y ]]>", "]]>]]>", "<p>plain</p>"])
    func cdataRoundTrip(text: String) throws {
        let xml = try document { try $0.element("r", cdata: text) }
        #expect(try readBack(xml).text == text)
    }

    @Test("drops the characters XML 1.0 forbids, keeping everything around them, so the document stays well-formed")
    func forbiddenCharacters() throws {
        let xml = try document { try $0.element("r", text: "a\u{0}b\u{1}c\u{1F}d\u{FFFE}e\u{FFFF}f") }
        #expect(try readBack(xml).text == "abcdef")
    }

    @Test("an element without content closes as <r/>, or with an end tag when asked")
    func emptyElements() throws {
        let xml = try document { writer in
            try writer.startElement("r")
            try writer.startElement("short")
            try writer.endElement()
            try writer.startElement("long")
            try writer.endElementWithEndTag()
            try writer.endElement()
        }
        #expect(xml.contains("<r><short/><long></long></r>"))
    }

    @Test("an error the sink throws reaches the caller as it was thrown")
    func sinkErrorsPassThrough() throws {
        struct DiskFull: Error, Equatable {}
        let writer = try XMLStreamWriter { _ in throw DiskFull() }
        #expect(throws: DiskFull()) {
            try writer.startDocument()
            try writer.element("r", text: "x")
            try writer.endDocument()
        }
    }
}
