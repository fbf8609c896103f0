/// The table of XML-RPC methods a server answers, with the `system.*` introspection methods and
/// `system.multicall` built in. Dispatch goes only through this table (never by reflection).
///
/// ```swift
/// var registry = XMLRPCMethodRegistry()
/// registry.registerDemoMethods()
/// let response = await registry.respond(to: try XMLRPCRequest(parsing: body), context: .init())
/// ```
public struct XMLRPCMethodRegistry: Sendable {
    public let limits: XMLRPCLimits
    private var methods: [String: XMLRPCMethod] = [:]
    /// Registration order, for `system.listMethods`.
    private var order: [String] = []

    private static let systemMethods: [(name: String, signatures: [[String]], help: String)] = [
        ("system.multicall", [["array", "array"]], "Runs several calls in one request; each answer is a one-element array or a fault struct."),
        ("system.listMethods", [["array"]], "Lists the methods this server answers."),
        ("system.getCapabilities", [["struct"]], "Lists the XML-RPC specifications this server follows."),
        ("system.methodSignature", [["array", "string"]], "Lists a method's signatures: return type first, then parameter types."),
        ("system.methodHelp", [["string", "string"]], "Describes a method."),
    ]

    public init(limits: XMLRPCLimits = XMLRPCLimits()) {
        self.limits = limits
    }

    /// Adds `method`, replacing one of the same name.
    public mutating func register(_ method: XMLRPCMethod) {
        if methods[method.name] == nil { order.append(method.name) }
        methods[method.name] = method
    }

    /// Every method name, `system.*` first, then the others in registration order.
    public var methodNames: [String] { Self.systemMethods.map(\.name) + order }

    /// The registered (non-`system.*`) method names, in registration order.
    public var registeredMethodNames: [String] { order }

    /// Parses nothing: answers an already parsed call.
    public func respond(to request: XMLRPCRequest, context: XMLRPCCallContext) async -> XMLRPCResponse {
        switch await call(request.methodName, request.params, context: context, insideMulticall: false) {
        case .success(let value): return .success(value)
        case .failure(let fault): return .fault(fault)
        }
    }

    private func call(
        _ name: String, _ params: [XMLRPCValue], context: XMLRPCCallContext, insideMulticall: Bool
    ) async -> Result<XMLRPCValue, XMLRPCFault> {
        switch name {
        case "system.multicall":
            if insideMulticall {
                return .failure(.invalidRequest("Recursive calls to system.multicall are forbidden"))
            }
            return await multicall(params, context: context)
        case "system.listMethods":
            return .success(.array(methodNames.map { .string($0) }))
        case "system.getCapabilities":
            return .success(Self.capabilities)
        case "system.methodSignature", "system.methodHelp":
            guard params.count == 1, let target = params[0].stringValue else {
                return .failure(.badParameters("\(name) takes one method name"))
            }
            let signatures: [[String]]
            let help: String
            if let method = methods[target] {
                (signatures, help) = (method.signatures, method.help)
            } else if let system = Self.systemMethods.first(where: { $0.name == target }) {
                (signatures, help) = (system.signatures, system.help)
            } else {
                return .failure(.unknownMethod(target))
            }
            if name == "system.methodHelp" { return .success(.string(help)) }
            return .success(.array(signatures.map { .array($0.map { .string($0) }) }))
        default:
            guard let method = methods[name] else { return .failure(.unknownMethod(name)) }
            do {
                return .success(try await method.handler(params, context))
            } catch let fault as XMLRPCFault {
                return .failure(fault)
            } catch {
                return .failure(.internalError)
            }
        }
    }

    private func multicall(_ params: [XMLRPCValue], context: XMLRPCCallContext) async -> Result<XMLRPCValue, XMLRPCFault> {
        guard params.count == 1, let calls = params[0].arrayValue else {
            return .failure(.invalidRequest("system.multicall expects an array of method calls"))
        }
        guard calls.count <= limits.maxMulticallCalls else {
            return .failure(.invalidRequest("system.multicall accepts at most \(limits.maxMulticallCalls) calls"))
        }
        var answers: [XMLRPCValue] = []
        answers.reserveCapacity(calls.count)
        for entry in calls {
            guard let name = entry[member: "methodName"]?.stringValue else {
                answers.append(Self.faultStruct(.invalidRequest("Each multicall entry must be a struct with a string methodName")))
                continue
            }
            let arguments = entry[member: "params"]?.arrayValue ?? []
            switch await call(name, arguments, context: context, insideMulticall: true) {
            case .success(let value): answers.append(.array([value]))
            case .failure(let fault): answers.append(Self.faultStruct(fault))
            }
        }
        return .success(.array(answers))
    }

    private static func faultStruct(_ fault: XMLRPCFault) -> XMLRPCValue {
        .structure([XMLRPCMember("faultCode", .int(fault.code)), XMLRPCMember("faultString", .string(fault.message))])
    }

    private static let capabilities: XMLRPCValue = .structure([
        XMLRPCMember("xmlrpc", .structure([
            XMLRPCMember("specUrl", .string("http://www.xmlrpc.com/spec")),
            XMLRPCMember("specVersion", .int(1)),
        ])),
        XMLRPCMember("faults_interop", .structure([
            XMLRPCMember("specUrl", .string("http://xmlrpc-epi.sourceforge.net/specs/rfc.fault_codes.php")),
            XMLRPCMember("specVersion", .int(20010516)),
        ])),
        XMLRPCMember("system.multicall", .structure([
            XMLRPCMember("specUrl", .string("http://www.xmlrpc.com/discuss/msgReader$1208")),
            XMLRPCMember("specVersion", .int(1)),
        ])),
    ])
}
