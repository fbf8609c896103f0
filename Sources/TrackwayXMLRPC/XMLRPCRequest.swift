/// A parsed `methodCall`: the method's name and its positional parameters.
public struct XMLRPCRequest: Sendable, Equatable {
    public var methodName: String
    public var params: [XMLRPCValue]

    public init(methodName: String, params: [XMLRPCValue]) {
        self.methodName = methodName
        self.params = params
    }
}
