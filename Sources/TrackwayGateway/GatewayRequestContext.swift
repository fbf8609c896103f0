import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the client's address (for rate limits
/// and the stored ping's IP).
struct GatewayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, empty when the channel has none (Unix sockets).
    let clientAddress: String
    private let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
        channel = source.channel
    }

    /// Stops reading the connection (the answer is still written, then it closes) and returns
    /// `refusal` as the body's outcome.
    func refuseRestOfBody(_ refusal: BodyRefusal) -> Result<[UInt8], BodyRefusal> {
        channel.close(mode: .input, promise: nil)
        return .failure(refusal)
    }
}
