import Foundation
import TrackwayXML

extension XMLRPCRequest {
    /// Parses a `methodCall` body with libxml2: no DTD, no entity expansion, no network.
    ///
    /// A DOCTYPE anywhere or a body that is not well-formed is fault -32700; well-formed XML that
    /// is not a `methodCall`, or exceeds `limits`, is fault -32600.
    ///
    /// ```swift
    /// let call = try XMLRPCRequest(parsing: Array(body.utf8))
    /// call.methodName   // "pingback.ping"
    /// ```
    public init(parsing bytes: [UInt8], limits: XMLRPCLimits = XMLRPCLimits()) throws(XMLRPCFault) {
        var parser = try XMLRPCParser(bytes: bytes, limits: limits)
        self = try parser.parseCall()
    }
}
