/// One `<member>` of an XML-RPC struct.
public struct XMLRPCMember: Sendable, Equatable {
    public var name: String
    public var value: XMLRPCValue

    public init(_ name: String, _ value: XMLRPCValue) {
        self.name = name
        self.value = value
    }
}
