import HTTPTypes
import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the client's address (for rate limits,
/// the console's login throttle, the stored ping's IP, spam rules and the request log).
struct GatewayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The client's IP address: the peer's, empty when the channel has none (Unix sockets), until
    /// `believeForwardedFor` reads a trusted proxy's `X-Forwarded-For`.
    private(set) var clientAddress: String
    private let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
        channel = source.channel
    }

    /// Takes the client's address from `X-Forwarded-For` when the peer is one of `proxies`
    /// (`TrustedProxies.clientAddress`); the header is not read otherwise.
    mutating func believeForwardedFor(in headers: HTTPFields, from proxies: TrustedProxies) {
        guard !proxies.isEmpty else { return }
        clientAddress = proxies.clientAddress(peer: clientAddress, forwardedFor: headers[values: .xForwardedFor])
    }

    /// `response`, after which the connection ends: the rest of a refused body is not read to its
    /// end (Hummingbird would otherwise drain it, however large or slow). The connection closes
    /// five seconds after the answer is handed over, a lingering close: a reset while a busy
    /// client is still sending would make it lose the answer. The output is not half-closed
    /// first: that close could overtake the answer's own bytes, still queued for the event loop.
    func closingConnection(after response: Response) -> Response {
        var closing = response
        let body = response.body
        let channel = channel
        closing.body = ResponseBody(contentLength: body.contentLength) { writer in
            try await body.write(writer)
            channel.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
        }
        return closing
    }
}

extension HTTPField.Name {
    /// `X-Forwarded-For`: the addresses a request came through, each proxy appending its peer's.
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
