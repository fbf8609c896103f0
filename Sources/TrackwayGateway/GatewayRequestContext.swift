import Hummingbird
import NIOCore

/// Per-request context: Hummingbird's core storage plus the client's address (for rate limits
/// and the stored ping's IP).
struct GatewayRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer's IP address, empty when the channel has none (Unix sockets).
    let clientAddress: String

    init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? ""
    }
}
