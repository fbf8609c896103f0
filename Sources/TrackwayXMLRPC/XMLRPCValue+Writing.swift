import Foundation
import TrackwayXML

extension XMLRPCValue {
    /// Writes the value as a `<value>` element (text escaped by libxml2).
    func write(to writer: XMLStreamWriter) throws {
        try writer.startElement("value")
        switch self {
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
            for element in elements { try element.write(to: writer) }
            try writer.endElementWithEndTag()
            try writer.endElement()
        case .structure(let members):
            try writer.startElement("struct")
            for member in members {
                try writer.startElement("member")
                try writer.element("name", text: member.name)
                try member.value.write(to: writer)
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
