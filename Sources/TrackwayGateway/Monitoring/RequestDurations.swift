import CoreMetrics
import Foundation

/// `trackway_http_request_duration_seconds{route, status}`: a histogram per route and status class
/// (`2xx` to `5xx`), each made the first time it is needed, so that only the pairs a gateway
/// answered appear.
final class RequestDurations: @unchecked Sendable {
    static let label = "trackway_http_request_duration_seconds"

    private struct Key: Hashable {
        var route: String
        var statusClass: Int
    }

    private let factory: any MetricsFactory
    private let lock = NSLock()
    private var timers: [Key: CoreMetrics.Timer] = [:]

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    /// Records one request to `route` (an endpoint path a `GatewayRoute` set), answered with
    /// `status`, that began at `start`.
    func record(route: String, status: Int, since start: ContinuousClock.Instant) {
        let key = Key(route: route, statusClass: min(max(status / 100, 1), 5))
        lock.lock()
        let timer = timers[key] ?? makeTimer(key)
        lock.unlock()
        timer.recordElapsed(since: start)
    }

    /// Makes and keeps `key`'s timer; called with the lock held.
    private func makeTimer(_ key: Key) -> CoreMetrics.Timer {
        let timer = CoreMetrics.Timer(label: Self.label, dimensions: [("route", key.route), ("status", "\(key.statusClass)xx")], factory: factory)
        timers[key] = timer
        return timer
    }
}
