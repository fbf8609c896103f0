/// What a method handler may know about the call besides its parameters.
public struct XMLRPCCallContext: Sendable {
    /// The client's IP address as the server saw it (empty when unknown).
    public var clientAddress: String
    /// The `Host` the request was sent to, if any.
    public var requestHost: String?

    public init(clientAddress: String = "", requestHost: String? = nil) {
        self.clientAddress = clientAddress
        self.requestHost = requestHost
    }
}
