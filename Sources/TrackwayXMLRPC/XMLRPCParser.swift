import Foundation
import TrackwayXML

/// Recursive descent over the pull reader's nodes: one `methodCall` or `methodResponse` deep.
struct XMLRPCParser {
    let reader: XMLPullReader
    let limits: XMLRPCLimits
    var valueCount = 0

    init(reader: XMLPullReader, limits: XMLRPCLimits) {
        self.reader = reader
        self.limits = limits
    }

    /// A parser over `bytes` with the secure strict reader; fault -32700 when they cannot be read.
    init(bytes: [UInt8], limits: XMLRPCLimits) throws(XMLRPCFault) {
        do {
            self.init(reader: try XMLPullReader(bytes: bytes, strict: true), limits: limits)
        } catch {
            throw XMLRPCFault.notWellFormed
        }
    }

    mutating func parseCall() throws(XMLRPCFault) -> XMLRPCRequest {
        try expectElement("methodCall")
        if reader.isEmptyElement { throw XMLRPCFault.invalidRequest("methodCall has no methodName") }
        try expectElement("methodName")
        let name = try readText().trimmingCharacters(in: " \t\r\n")
        guard !name.isEmpty else { throw XMLRPCFault.invalidRequest("methodName is empty") }
        var params: [XMLRPCValue] = []
        guard try nextSignificant() else { throw XMLRPCFault.notWellFormed }
        if reader.kind == .element, reader.localName == "params" {
            if !reader.isEmptyElement {
                params = try parseParams()
            }
            guard try nextSignificant() else { throw XMLRPCFault.notWellFormed }
        }
        guard reader.kind == .endElement, reader.localName == "methodCall" else {
            throw XMLRPCFault.invalidRequest("unexpected <\(reader.localName)> in methodCall")
        }
        // Anything after the root is a libxml2 well-formedness error or a comment.
        while try nextSignificant() {
            throw XMLRPCFault.notWellFormed
        }
        return XMLRPCRequest(methodName: name, params: params)
    }

    mutating func parseParams() throws(XMLRPCFault) -> [XMLRPCValue] {
        var params: [XMLRPCValue] = []
        while try nextSignificant() {
            if reader.kind == .endElement, reader.localName == "params" { return params }
            guard reader.kind == .element, reader.localName == "param", !reader.isEmptyElement else {
                throw XMLRPCFault.invalidRequest("params may hold only param elements with a value")
            }
            guard params.count < limits.maxParams else {
                throw XMLRPCFault.invalidRequest("more than \(limits.maxParams) params")
            }
            try expectElement("value")
            params.append(try parseValue(depth: 0))
            guard try nextSignificant(), reader.kind == .endElement, reader.localName == "param" else {
                throw XMLRPCFault.invalidRequest("param must hold exactly one value")
            }
        }
        throw XMLRPCFault.notWellFormed
    }

    /// Parses the `<value>` the reader is on, through its end tag.
    mutating func parseValue(depth: Int) throws(XMLRPCFault) -> XMLRPCValue {
        valueCount += 1
        guard valueCount <= limits.maxValues else {
            throw XMLRPCFault.invalidRequest("more than \(limits.maxValues) values")
        }
        if reader.isEmptyElement { return .string("") }
        var text = ""
        while try next() {
            switch reader.kind {
            case .text, .whitespace:
                text += reader.value
            case .endElement:
                return .string(text)
            case .element:
                let value = try parseTyped(reader.localName, depth: depth)
                guard try nextSignificant(), reader.kind == .endElement, reader.localName == "value" else {
                    throw XMLRPCFault.invalidRequest("value must hold exactly one typed element")
                }
                return value
            default:
                continue
            }
        }
        throw XMLRPCFault.notWellFormed
    }

    mutating func parseTyped(_ type: String, depth: Int) throws(XMLRPCFault) -> XMLRPCValue {
        switch type {
        case "int", "i4", "i8":
            guard let number = Int(try readText().trimmingCharacters(in: " \t\r\n")) else {
                throw XMLRPCFault.invalidRequest("<\(type)> is not an integer")
            }
            return .int(number)
        case "boolean":
            switch try readText().trimmingCharacters(in: " \t\r\n") {
            case "1", "true": return .boolean(true)
            case "0", "false": return .boolean(false)
            default: throw XMLRPCFault.invalidRequest("<boolean> must be 0 or 1")
            }
        case "string":
            return .string(try readText())
        case "double":
            guard let number = Double(try readText().trimmingCharacters(in: " \t\r\n")) else {
                throw XMLRPCFault.invalidRequest("<double> is not a number")
            }
            return .double(number)
        case "dateTime.iso8601":
            return .dateTime(try readText().trimmingCharacters(in: " \t\r\n"))
        case "base64":
            guard let data = Data(base64Encoded: try readText(), options: .ignoreUnknownCharacters) else {
                throw XMLRPCFault.invalidRequest("<base64> is not base64")
            }
            return .base64(Array(data))
        case "nil":
            _ = try readText()
            return .nil
        case "array":
            return .array(try parseArray(depth: depth + 1))
        case "struct":
            return .structure(try parseStruct(depth: depth + 1))
        default:
            throw XMLRPCFault.invalidRequest("unknown value type <\(type)>")
        }
    }

    mutating func parseArray(depth: Int) throws(XMLRPCFault) -> [XMLRPCValue] {
        guard depth <= limits.maxDepth else { throw XMLRPCFault.invalidRequest("values nested deeper than \(limits.maxDepth)") }
        if reader.isEmptyElement { return [] }
        guard try nextSignificant() else { throw XMLRPCFault.notWellFormed }
        if reader.kind == .endElement { return [] }
        guard reader.kind == .element, reader.localName == "data" else {
            throw XMLRPCFault.invalidRequest("array must hold a data element")
        }
        var elements: [XMLRPCValue] = []
        if !reader.isEmptyElement {
            while try nextSignificant() {
                if reader.kind == .endElement { break }
                guard reader.kind == .element, reader.localName == "value" else {
                    throw XMLRPCFault.invalidRequest("data may hold only value elements")
                }
                elements.append(try parseValue(depth: depth))
            }
        }
        guard try nextSignificant(), reader.kind == .endElement, reader.localName == "array" else {
            throw XMLRPCFault.invalidRequest("array must hold exactly one data element")
        }
        return elements
    }

    mutating func parseStruct(depth: Int) throws(XMLRPCFault) -> [XMLRPCMember] {
        guard depth <= limits.maxDepth else { throw XMLRPCFault.invalidRequest("values nested deeper than \(limits.maxDepth)") }
        if reader.isEmptyElement { return [] }
        var members: [XMLRPCMember] = []
        while try nextSignificant() {
            if reader.kind == .endElement { return members }
            guard reader.kind == .element, reader.localName == "member", !reader.isEmptyElement else {
                throw XMLRPCFault.invalidRequest("struct may hold only member elements")
            }
            try expectElement("name")
            let name = try readText()
            try expectElement("value")
            let value = try parseValue(depth: depth)
            guard try nextSignificant(), reader.kind == .endElement, reader.localName == "member" else {
                throw XMLRPCFault.invalidRequest("member must hold a name and a value")
            }
            members.append(XMLRPCMember(name, value))
        }
        throw XMLRPCFault.notWellFormed
    }

    /// The text content of the element the reader is on, through its end tag.
    mutating func readText() throws(XMLRPCFault) -> String {
        if reader.isEmptyElement { return "" }
        var text = ""
        while try next() {
            switch reader.kind {
            case .text, .whitespace: text += reader.value
            case .endElement: return text
            case .element: throw XMLRPCFault.invalidRequest("unexpected <\(reader.localName)> inside a scalar")
            default: continue
            }
        }
        throw XMLRPCFault.notWellFormed
    }

    mutating func expectElement(_ name: String) throws(XMLRPCFault) {
        guard try nextSignificant() else { throw XMLRPCFault.notWellFormed }
        guard reader.kind == .element, reader.localName == name else {
            throw XMLRPCFault.invalidRequest(name == "methodCall" ? "Request must be a methodCall" : "expected <\(name)>")
        }
    }

    /// Next node that is not whitespace, a comment or a processing instruction.
    mutating func nextSignificant() throws(XMLRPCFault) -> Bool {
        while try next() {
            switch reader.kind {
            case .whitespace, .comment, .processingInstruction: continue
            case .text where reader.value.trimmingCharacters(in: " \t\r\n").isEmpty: continue
            default: return true
            }
        }
        return false
    }

    /// Next node; a DOCTYPE or an entity reference refuses the whole document.
    mutating func next() throws(XMLRPCFault) -> Bool {
        let moved: Bool
        do {
            moved = try reader.read()
        } catch {
            throw XMLRPCFault.notWellFormed
        }
        if moved, reader.kind == .documentType || reader.kind == .entityReference {
            throw XMLRPCFault.notWellFormed
        }
        return moved
    }
}
