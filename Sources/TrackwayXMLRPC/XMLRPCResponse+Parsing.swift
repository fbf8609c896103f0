import TrackwayXML

extension XMLRPCResponse {
    /// Parses a `methodResponse` body (what a server answered a call) with the same secure reader
    /// and limits as requests: a body that is not well-formed is fault -32700, one that is not a
    /// conforming response is fault -32600.
    ///
    /// ```swift
    /// switch try XMLRPCResponse(parsing: answer) {
    /// case .success(let value): print(value.stringValue ?? "")
    /// case .fault(let fault): print(fault.code, fault.message)
    /// }
    /// ```
    public init(parsing bytes: [UInt8], limits: XMLRPCLimits = XMLRPCLimits()) throws(XMLRPCFault) {
        var parser = try XMLRPCParser(bytes: bytes, limits: limits)
        self = try parser.parseResponse()
    }
}
