/// Decides whether a client may send a ping now: `RateLimiter` in memory for one node,
/// `SharedRateLimiter` in the database for nodes that share one.
protocol PingRateLimiting: Sendable {
    /// Counts a ping from `client`; false when it is over its limit (the ping must be refused).
    func allowsPing(from client: String) async -> Bool
}

extension RateLimiter: PingRateLimiting {
    func allowsPing(from client: String) async -> Bool {
        allow(client)
    }
}
