/// An XML-RPC fault: the code and text a `<fault>` response carries.
///
/// Protocol faults follow the Fault Code Interoperability conventions (version 20010516) with
/// WordPress's texts; methods throw their own codes (`XMLRPCFault(code: 17, message: "…")`).
///
/// ```swift
/// throw XMLRPCFault.unknownMethod("no.such.method")
/// ```
public struct XMLRPCFault: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var message: String

    public init(code: Int, message: String) {
        self.code = code
        self.message = message
    }

    /// -32700: the body is not well-formed XML, or declares a DOCTYPE.
    public static let notWellFormed = XMLRPCFault(code: -32700, message: "parse error. not well formed")

    /// -32600: well-formed XML that is not a conforming `methodCall`.
    public static func invalidRequest(_ detail: String = "Request must be a methodCall") -> XMLRPCFault {
        XMLRPCFault(code: -32600, message: "server error. invalid xml-rpc. not conforming to spec. \(detail)")
    }

    /// -32601: no method of that name is registered.
    public static func unknownMethod(_ name: String) -> XMLRPCFault {
        XMLRPCFault(code: -32601, message: "server error. requested method \(name) does not exist.")
    }

    /// -32602: the method exists but the parameters do not fit it.
    public static func badParameters(_ detail: String) -> XMLRPCFault {
        XMLRPCFault(code: -32602, message: "server error. invalid method parameters. \(detail)")
    }

    /// -32603: the server failed while carrying out a valid call.
    public static let internalError = XMLRPCFault(code: -32603, message: "server error. internal xml-rpc error")

    public var description: String { "fault \(code): \(message)" }
}
