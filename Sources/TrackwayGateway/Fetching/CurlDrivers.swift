import Foundation

/// The libcurl threads one owner fetches through (a gateway, a ping sender): for each address
/// policy and priority, a `CurlMultiDriver` per core, so pages are read on every core at once.
/// A driver's thread starts with its first transfer; `shutdown()` stops them all, and so does
/// the release of the last reference.
///
/// ```swift
/// let drivers = CurlDrivers()
/// let fetcher = SourceFetcher(allowPrivateAddresses: false, maxBytes: 1 << 20, userAgent: "Trackway/1", drivers: drivers)
/// defer { drivers.shutdown() }
/// ```
final class CurlDrivers: Sendable {
    /// Drivers of each kind: one per core.
    private static let perKind = max(2, ProcessInfo.processInfo.activeProcessorCount)

    private let foregroundPublic = CurlDrivers.kind(name: "trackway.fetch", niceness: 0)
    private let foregroundPrivate = CurlDrivers.kind(name: "trackway.fetch", niceness: 0)
    private let backgroundPublic = CurlDrivers.kind(name: "trackway.verify", niceness: 19)
    private let backgroundPrivate = CurlDrivers.kind(name: "trackway.verify", niceness: 19)

    init() {}

    deinit {
        // Nothing can submit a transfer any more; the threads end on their own.
        for driver in all { driver.stop(waiting: false) }
    }

    private static func kind(name: String, niceness: Int32) -> [CurlMultiDriver] {
        (0..<perKind).map { _ in CurlMultiDriver(name: name, niceness: niceness) }
    }

    private var all: [CurlMultiDriver] {
        foregroundPublic + foregroundPrivate + backgroundPublic + backgroundPrivate
    }

    /// The driver for a transfer from `site` (any stable name of it, such as its host) under an
    /// address policy, at foreground or background priority. A site always gets the same one of
    /// its kind's drivers, which keeps its open connections.
    func driver(allowingPrivateAddresses: Bool, background: Bool, site: String) -> CurlMultiDriver {
        let drivers = switch (allowingPrivateAddresses, background) {
        case (false, false): foregroundPublic
        case (true, false): foregroundPrivate
        case (false, true): backgroundPublic
        case (true, true): backgroundPrivate
        }
        return drivers[Int(UInt(bitPattern: site.hashValue) % UInt(Self.perKind))]
    }

    /// Stops every driver and returns once their threads have ended; transfers still running end
    /// with a transport error, later ones fail at once.
    func shutdown() {
        for driver in all { driver.stop(waiting: true) }
    }
}
