/// A method the registry can dispatch to, with what `system.methodSignature` and
/// `system.methodHelp` say about it.
///
/// ```swift
/// XMLRPCMethod(name: "demo.sayHello", signatures: [["string"]], help: "Returns Hello!") { _, _ in
///     .string("Hello!")
/// }
/// ```
public struct XMLRPCMethod: Sendable {
    /// Runs the method; throw `XMLRPCFault` to answer with a fault.
    public typealias Handler = @Sendable ([XMLRPCValue], XMLRPCCallContext) async throws -> XMLRPCValue

    public var name: String
    /// Each signature lists the return type first, then the parameter types.
    public var signatures: [[String]]
    public var help: String
    public var handler: Handler

    public init(name: String, signatures: [[String]], help: String, handler: @escaping Handler) {
        self.name = name
        self.signatures = signatures
        self.help = help
        self.handler = handler
    }
}
