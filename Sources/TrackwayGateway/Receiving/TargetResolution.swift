import TrackwayStore

/// Where a URL naming a post led.
enum TargetResolution: Sendable, Equatable {
    case post(PingTarget)
    /// The URL's host is not one this server answers for.
    case notOurs
    /// Our host, but no post lives at that URL.
    case notFound
}
