/// What a method handler may know about the call besides its parameters.
public struct XMLRPCCallContext: Sendable {
    /// The client's IP address as the server saw it (empty when unknown).
    public var clientAddress: String

    public init(clientAddress: String = "") {
        self.clientAddress = clientAddress
    }
}
