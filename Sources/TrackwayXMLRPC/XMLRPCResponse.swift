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
            try value.write(to: writer)
            try writer.endElement()
            try writer.endElement()
        case .fault(let fault):
            try writer.startElement("fault")
            try XMLRPCValue.structure([
                XMLRPCMember("faultCode", .int(fault.code)),
                XMLRPCMember("faultString", .string(fault.message)),
            ]).write(to: writer)
            try writer.endElement()
        }
        try writer.endElement()
        try writer.endDocument()
        return output.bytes
    }
}
