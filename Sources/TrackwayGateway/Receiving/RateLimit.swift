/// A token bucket's shape: how many pings a client may send at once, and how fast it earns more.
///
/// ```swift
/// RateLimit(burst: 30, perMinute: 30)   // 30 at once, then one every 2 s
/// ```
public struct RateLimit: Sendable, Equatable {
    public var burst: Int
    public var perMinute: Double

    public init(burst: Int, perMinute: Double) {
        self.burst = burst
        self.perMinute = perMinute
    }

    /// Generous for a blog (a few pings per post), ruinous for a flood.
    public static let standard = RateLimit(burst: 30, perMinute: 30)
}
