import TrackwayCore

/// The two URLs of a `pingback.ping` call, trimmed and with `&amp;` read as `&` (as WordPress
/// does), with their `LegacyURLKey`s.
struct PingbackCall: Sendable, Equatable {
    var source: String
    var target: String
    var sourceKey: LegacyURLKey
    var targetKey: LegacyURLKey
}
