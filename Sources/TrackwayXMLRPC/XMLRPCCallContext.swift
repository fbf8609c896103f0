/// What a method handler may know about the call besides its parameters.
public struct XMLRPCCallContext: Sendable {
    /// The client's IP address as the server saw it (empty when unknown).
    public var clientAddress: String
    /// The `Host` the request was sent to, if any.
    public var requestHost: String?
    /// The client's `User-Agent` (empty when it sent none).
    public var userAgent: String

    public init(clientAddress: String = "", requestHost: String? = nil, userAgent: String = "") {
        self.clientAddress = clientAddress
        self.requestHost = requestHost
        self.userAgent = userAgent
    }
}
