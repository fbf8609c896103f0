import Hummingbird

/// Which of the gateway's routes answered a request: the `route` label of the request timing,
/// one of a fixed few whatever the path, so the number of series stays bounded.
enum GatewayRoute: String, Sendable, CaseIterable {
    case xmlrpc, webmention, readAPI = "read_api", ownerFeed = "owner_feed", console, health = "healthz", metrics
    case movableTypeTrackback = "mt_trackback", trackback, feed, archive
    /// A method no route takes at that path (405).
    case methodNotAllowed = "method_not_allowed"
    /// A request that failed before a route took it (the database failed while resolving it).
    case unrouted
}

extension GatewayRequestContext {
    /// Records `route` as the endpoint that answers the request: Hummingbird's `endpointPath`, a
    /// box shared by every copy of the context, which the request timing reads once the answer
    /// is made.
    func setRoute(_ route: GatewayRoute) {
        coreContext.endpointPath.value = route.rawValue
    }
}
