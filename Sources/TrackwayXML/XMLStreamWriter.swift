import CLibXML2

/// A streaming XML writer over libxml2's `xmlTextWriter`: output goes to `sink` in chunks as it
/// is produced, so memory does not grow with the document.
///
/// ```swift
/// var output = [UInt8]()
/// let writer = try XMLStreamWriter { output.append(contentsOf: $0) }
/// try writer.startDocument()
/// try writer.startElement("methodResponse")
/// try writer.endElement()
/// try writer.endDocument()
/// ```
///
/// Text and attribute values are escaped by libxml2; characters XML 1.0 forbids are dropped
/// before they reach it, so the output is always well-formed.
public final class XMLStreamWriter {
    /// Receives each chunk of output.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private let writer: xmlTextWriterPtr
    private let output: OutputContext

    /// Creates a writer that hands its output to `sink`.
    public init(sink: @escaping Sink) throws {
        _ = XMLSecurity.silenceGlobalErrors
        let output = OutputContext(sink: sink)
        self.output = output
        let writeCallback: xmlOutputWriteCallback = { context, buffer, length in
            guard let context, let buffer else { return -1 }
            let output = Unmanaged<OutputContext>.fromOpaque(context).takeUnretainedValue()
            do {
                try output.sink(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
                return length
            } catch {
                output.error = error
                return -1
            }
        }
        let closeCallback: xmlOutputCloseCallback = { _ in 0 }
        guard
            let buffer = xmlOutputBufferCreateIO(writeCallback, closeCallback, Unmanaged.passUnretained(output).toOpaque(), nil),
            let created = xmlNewTextWriter(buffer)
        else {
            throw XMLWriteError(message: "libxml2 could not create a writer")
        }
        writer = created
    }

    deinit {
        xmlFreeTextWriter(writer)
    }

    /// Writes `<?xml version="1.0" encoding="UTF-8"?>`.
    public func startDocument() throws {
        try check(xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil))
    }

    /// Closes every open element and flushes.
    public func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer))
        try flush()
    }

    /// Opens `<name>`; `name` may carry a prefix (`wp:post_id`).
    public func startElement(_ name: String) throws {
        try check(xmlTextWriterStartElement(writer, name))
    }

    /// Closes the innermost open element (as `<name/>` when it has no content).
    public func endElement() throws {
        try check(xmlTextWriterEndElement(writer))
    }

    /// Closes the innermost open element with an explicit end tag, even when it is empty.
    public func endElementWithEndTag() throws {
        try check(xmlTextWriterFullEndElement(writer))
    }

    /// Writes `name="value"` on the element just opened, escaped.
    public func attribute(_ name: String, _ value: String) throws {
        try check(xmlTextWriterWriteAttribute(writer, name, XMLCharacters.legal(value)))
    }

    /// Writes escaped text content.
    public func text(_ value: String) throws {
        try check(xmlTextWriterWriteString(writer, XMLCharacters.legal(value)))
    }

    /// Writes `value` as CDATA, splitting every `]]>` the way WordPress does
    /// (`]]]]><![CDATA[>`), so a reader that joins adjacent sections gets `value` back.
    public func cdata(_ value: String) throws {
        var legal = XMLCharacters.legal(value)
        // Searched in UTF-8, not by Character: a `>` with a combining mark after it is one
        // Character, yet to a parser it still ends the section.
        let sectionEnds = legal.withUTF8 { bytes in
            var ends: [Int] = []
            var index = 0
            while index + 3 <= bytes.count {
                // End this section after "]]" and start the next with ">".
                if bytes[index] == 0x5D, bytes[index + 1] == 0x5D, bytes[index + 2] == 0x3E { ends.append(index + 2) }
                index += 1
            }
            return ends
        }
        guard !sectionEnds.isEmpty else { return try check(xmlTextWriterWriteCDATA(writer, legal)) }
        let utf8 = Array(legal.utf8)
        var start = 0
        for end in sectionEnds + [utf8.count] {
            try check(xmlTextWriterWriteCDATA(writer, String(decoding: utf8[start..<end], as: UTF8.self)))
            start = end
        }
    }

    /// Writes `<name>text</name>` with escaped text.
    public func element(_ name: String, text value: String) throws {
        try startElement(name)
        try text(value)
        try endElementWithEndTag()
    }

    /// Writes `<name><![CDATA[value]]></name>`.
    public func element(_ name: String, cdata value: String) throws {
        try startElement(name)
        try cdata(value)
        try endElementWithEndTag()
    }

    /// Writes `<!--text-->`.
    public func comment(_ value: String) throws {
        try check(xmlTextWriterWriteComment(writer, XMLCharacters.legal(value)))
    }

    /// Writes markup as it is: for fragments that were read verbatim and are already well-formed.
    public func raw(_ markup: String) throws {
        try check(xmlTextWriterWriteRaw(writer, markup))
    }

    /// Pushes buffered output to the sink.
    public func flush() throws {
        try check(xmlTextWriterFlush(writer))
    }

    private func check(_ result: Int32) throws {
        if let error = output.error { throw error }
        if result < 0 { throw XMLWriteError(message: "libxml2 could not write the document") }
    }
}

/// Writing XML failed (the sink threw, or libxml2 refused).
public struct XMLWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The sink and the error it threw, shared with libxml2's write callback.
private final class OutputContext {
    let sink: XMLStreamWriter.Sink
    var error: Error?

    init(sink: @escaping XMLStreamWriter.Sink) {
        self.sink = sink
    }
}
