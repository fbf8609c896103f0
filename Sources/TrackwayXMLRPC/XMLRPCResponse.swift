import Foundation
import TrackwayXML

/// A `methodResponse`: one result value, or a fault.
///
/// ```swift
/// let body = try XMLRPCResponse.success(.string("Hello!")).encoded()
/// ```
public enum XMLRPCResponse: Sendable, Equatable {
    case success(XMLRPCValue)
    case fault(XMLRPCFault)

    /// The response as a UTF-8 XML document, written with libxml2 (text escaped by it).
    public func encoded() throws -> [UInt8] {
        let output = ByteCollector()
        let writer = try XMLStreamWriter { output.bytes.append(contentsOf: $0) }
        try writer.startDocument()
        try writer.startElement("methodResponse")
        switch self {
        case .success(let value):
            try writer.startElement("params")
            try writer.startElement("param")
            try write(value, to: writer)
            try writer.endElement()
            try writer.endElement()
        case .fault(let fault):
            try writer.startElement("fault")
            try write(.structure([
                XMLRPCMember("faultCode", .int(fault.code)),
                XMLRPCMember("faultString", .string(fault.message)),
            ]), to: writer)
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endDocument()
        return output.bytes
    }

    private func write(_ value: XMLRPCValue, to writer: XMLStreamWriter) throws {
        try writer.startElement("value")
        switch value {
        case .int(let number):
            try writer.element(Int32(exactly: number) == nil ? "i8" : "int", text: String(number))
        case .boolean(let flag):
            try writer.element("boolean", text: flag ? "1" : "0")
        case .string(let text):
            try writer.element("string", text: text)
        case .double(let number):
            try writer.element("double", text: String(number))
        case .dateTime(let text):
            try writer.element("dateTime.iso8601", text: text)
        case .base64(let bytes):
            try writer.element("base64", text: Data(bytes).base64EncodedString())
        case .array(let elements):
            try writer.startElement("array")
            try writer.startElement("data")
            for element in elements { try write(element, to: writer) }
            try writer.endElementWithEndTag()
            try writer.endElement()
        case .structure(let members):
            try writer.startElement("struct")
            for member in members {
                try writer.startElement("member")
                try writer.element("name", text: member.name)
                try write(member.value, to: writer)
                try writer.endElement()
            }
            try writer.endElementWithEndTag()
        case .nil:
            try writer.startElement("nil")
            try writer.endElement()
        }
        try writer.endElement()
    }
}

/// Collects the writer's output chunks.
private final class ByteCollector {
    var bytes: [UInt8] = []
}
