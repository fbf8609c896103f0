import TrackwayXML

/// Writes an HTML5 page through libxml2's writer (`XMLStreamWriter`): text and attribute values
/// are escaped by libxml2, void elements close as `<br/>`, every other element with an end tag
/// (an empty `<a/>` would leave the element open in an HTML parser).
///
/// ```swift
/// let html = try HTMLWriter.page { writer in
///     try writer.element("h1", text: "Tides & nets")           // <h1>Tides &amp; nets</h1>
///     try writer.element("a", ["href": "/"]) { try writer.text("Home") }
/// }
/// ```
final class HTMLWriter {
    private let writer: XMLStreamWriter
    private let output = Output()

    /// Where the writer's chunks collect.
    private final class Output {
        var bytes: [UInt8] = []
    }

    private static let voidElements: Set<String> = ["meta", "link", "br", "img", "input", "hr"]

    private init() throws {
        let output = output
        output.bytes.reserveCapacity(16_384)
        writer = try XMLStreamWriter { chunk in output.bytes.append(contentsOf: chunk) }
    }

    /// The bytes of a page: the doctype, then what `body` writes.
    static func page(_ body: (HTMLWriter) throws -> Void) throws -> [UInt8] {
        let writer = try HTMLWriter()
        try writer.writer.raw("<!DOCTYPE html>\n")
        try body(writer)
        try writer.writer.flush()
        return writer.output.bytes
    }

    /// `<name attributes…>`, then `content`, then the end tag (none for a void element).
    /// Attributes are written in the order given; an attribute whose value is nil is left out.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], _ content: () throws -> Void = {}) throws {
        try writer.startElement(name)
        for (attribute, value) in attributes {
            if let value { try writer.attribute(attribute, value) }
        }
        try content()
        if Self.voidElements.contains(name) {
            try writer.endElement()
        } else {
            try writer.endElementWithEndTag()
        }
    }

    /// `<name attributes…>text</name>`.
    func element(_ name: String, _ attributes: KeyValuePairs<String, String?> = [:], text: String) throws {
        try element(name, attributes) { try writer.text(text) }
    }

    /// Escaped text.
    func text(_ value: String) throws {
        try writer.text(value)
    }

    /// Markup that is already safe HTML (a sanitized fragment, the discovery block).
    func markup(_ html: String) throws {
        try writer.raw(html)
    }
}
