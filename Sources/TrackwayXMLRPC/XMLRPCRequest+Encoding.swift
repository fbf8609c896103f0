import TrackwayXML

extension XMLRPCRequest {
    /// The call as a UTF-8 `methodCall` document, written with libxml2 (text escaped by it).
    ///
    /// ```swift
    /// let body = try XMLRPCRequest(methodName: "pingback.ping", params: [.string(source), .string(target)]).encoded()
    /// ```
    public func encoded() throws -> [UInt8] {
        let output = ByteCollector()
        let writer = try XMLStreamWriter { output.bytes.append(contentsOf: $0) }
        try writer.startDocument()
        try writer.startElement("methodCall")
        try writer.element("methodName", text: methodName)
        try writer.startElement("params")
        for param in params {
            try writer.startElement("param")
            try param.write(to: writer)
            try writer.endElement()
        }
        try writer.endElementWithEndTag()
        try writer.endElement()
        try writer.endDocument()
        return output.bytes
    }
}
