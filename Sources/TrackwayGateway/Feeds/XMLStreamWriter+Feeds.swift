import TrackwayXML

extension XMLStreamWriter {
    /// A whole document: the XML declaration, what `body` writes, every element closed. Returns
    /// the bytes.
    static func document(_ body: (XMLStreamWriter) throws -> Void) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16_384)
        let writer = try XMLStreamWriter { bytes.append(contentsOf: $0) }
        try writer.startDocument()
        try body(writer)
        try writer.endDocument()
        return bytes
    }

    /// `<name a="1" b="2"/>`.
    func emptyElement(_ name: String, _ attributes: KeyValuePairs<String, String>) throws {
        try startElement(name)
        for (attribute, value) in attributes {
            try self.attribute(attribute, value)
        }
        try endElement()
    }

    /// `<name a="1">text</name>`, the text escaped.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text value: String) throws {
        try startElement(name)
        for (attribute, value) in attributes {
            try self.attribute(attribute, value)
        }
        try text(value)
        try endElementWithEndTag()
    }

    /// `<name a="1"><![CDATA[value]]></name>`.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String>, cdata value: String) throws {
        try startElement(name)
        for (attribute, value) in attributes {
            try self.attribute(attribute, value)
        }
        try cdata(value)
        try endElementWithEndTag()
    }

    /// Declares namespaces (`xmlns:dc`, …) on the element just opened.
    func namespaces(_ declarations: KeyValuePairs<String, String>) throws {
        for (prefix, uri) in declarations {
            try attribute(prefix.isEmpty ? "xmlns" : "xmlns:" + prefix, uri)
        }
    }
}
