extension XMLRPCParser {
    /// A `methodResponse`: one param, or a fault struct with `faultCode` and `faultString`.
    mutating func parseResponse() throws(XMLRPCFault) -> XMLRPCResponse {
        try expectElement("methodResponse")
        guard !reader.isEmptyElement, try nextSignificant(), reader.kind == .element, !reader.isEmptyElement else {
            throw XMLRPCFault.invalidRequest("methodResponse must hold params or a fault")
        }
        let response: XMLRPCResponse
        switch reader.localName {
        case "params":
            try expectElement("param")
            try expectElement("value")
            response = .success(try parseValue(depth: 0))
            try expectEnd("param")
            try expectEnd("params")
        case "fault":
            try expectElement("value")
            let value = try parseValue(depth: 0)
            guard let code = value[member: "faultCode"]?.intValue else {
                throw XMLRPCFault.invalidRequest("fault must hold an int faultCode")
            }
            response = .fault(XMLRPCFault(code: code, message: value[member: "faultString"]?.stringValue ?? ""))
            try expectEnd("fault")
        default:
            throw XMLRPCFault.invalidRequest("unexpected <\(reader.localName)> in methodResponse")
        }
        try expectEnd("methodResponse")
        return response
    }

    private mutating func expectEnd(_ name: String) throws(XMLRPCFault) {
        guard try nextSignificant(), reader.kind == .endElement, reader.localName == name else {
            throw XMLRPCFault.invalidRequest("expected </\(name)>")
        }
    }
}
