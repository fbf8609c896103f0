import CoreMetrics
import Foundation
import Prometheus
import TrackwayCore
import TrackwayStore

/// The series `/metrics` shows, in Prometheus' text format, through swift-metrics' API over a
/// registry of this gateway's own (several gateways in one process, as in the tests, keep their
/// counts apart). Without `--metrics-token` there is no registry: every series records into
/// swift-metrics' no-op handler, the fetchers are not wrapped and the request timing passes
/// requests straight on.
///
/// ```swift
/// let metrics = GatewayMetrics(enabled: true)
/// metrics.count(.pingback, .accepted)
/// let text = await metrics.exposition(reading: store) { logger.error("\($0)") }   // # TYPE trackway_… counter
/// ```
final class GatewayMetrics: Sendable {
    /// A ping series: its protocol and how it was answered.
    struct PingKey: Hashable, Sendable {
        var kind: PingProtocol
        var outcome: ReceivedPingOutcome
    }

    /// A background check's series: its queue and what came of it.
    struct VerificationKey: Hashable, Sendable {
        var queue: String
        var outcome: String
    }

    private let registry: PrometheusCollectorRegistry?
    /// The factory every series is made by, the store's commit sizes included.
    let factory: any MetricsFactory
    /// `trackway_pings_received_total{protocol, outcome}`.
    private let pings: CounterFamily<PingKey>
    /// `trackway_verifications_total{queue, outcome}`.
    private let verifications: CounterFamily<VerificationKey>
    /// `trackway_http_request_duration_seconds{route, status}`; nil when off.
    let requests: RequestDurations?
    /// `trackway_queue_depth{queue}` and `trackway_queue_oldest_age_seconds{queue}`, read at each scrape.
    private let queueDepths: [QueueBacklog.Queue: CoreMetrics.Gauge]
    private let queueAges: [QueueBacklog.Queue: CoreMetrics.Gauge]

    /// Seconds, from a quick archive page to a source fetch near its time limit.
    static let requestBuckets: [Duration] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]
        .map { .nanoseconds(Int64($0 * 1e9)) }
    /// Writes per commit, up to the writer's largest batch (`StoreWriter.maxBatch`, 256).
    static let commitBatchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256]

    init(enabled: Bool) {
        if enabled {
            let registry = PrometheusCollectorRegistry()
            var prometheus = PrometheusMetricsFactory(registry: registry)
            prometheus.durationHistogramBuckets = [
                RequestDurations.label: Self.requestBuckets,
                MeasuredPageFetcher.durationLabel: Self.requestBuckets,
            ]
            prometheus.valueHistogramBuckets = [StorePingRepository.commitBatchSizeLabel: Self.commitBatchBuckets]
            self.registry = registry
            factory = prometheus
            requests = RequestDurations(factory: prometheus)
        } else {
            registry = nil
            factory = NOOPMetricsHandler.instance
            requests = nil
        }
        pings = CounterFamily(
            label: "trackway_pings_received_total",
            keys: PingProtocol.allCases.flatMap { kind in ReceivedPingOutcome.all(for: kind).map { PingKey(kind: kind, outcome: $0) } },
            dimensions: { [("protocol", $0.kind.rawValue), ("outcome", $0.outcome.label)] }, factory: factory
        )
        let checks = ["linked", "not_linked", "retry", "unreachable", "error"].map { VerificationKey(queue: "trackback", outcome: $0) }
            + (WebmentionState.allCases.filter { $0 != .queued }.map(\.rawValue) + ["retry", "error"]).map { VerificationKey(queue: "webmention", outcome: $0) }
        verifications = CounterFamily(
            label: "trackway_verifications_total", keys: checks,
            dimensions: { [("queue", $0.queue), ("outcome", $0.outcome)] }, factory: factory
        )
        let factory = factory
        func gauges(_ label: String) -> [QueueBacklog.Queue: CoreMetrics.Gauge] {
            Dictionary(uniqueKeysWithValues: QueueBacklog.Queue.allCases.map { ($0, CoreMetrics.Gauge(label: label, dimensions: [("queue", $0.rawValue)], factory: factory)) })
        }
        queueDepths = gauges("trackway_queue_depth")
        queueAges = gauges("trackway_queue_oldest_age_seconds")
    }

    /// Counts a received ping.
    func count(_ kind: PingProtocol, _ outcome: ReceivedPingOutcome) {
        pings.increment(PingKey(kind: kind, outcome: outcome))
    }

    /// Counts a background check of `queue` (`trackback` or `webmention`).
    func countCheck(_ queue: String, _ outcome: String) {
        verifications.increment(VerificationKey(queue: queue, outcome: outcome))
    }

    /// `fetcher` measured as `purpose`, or `fetcher` itself when metrics are off.
    func measuring(_ fetcher: any PageFetcher, as purpose: MeasuredPageFetcher.Purpose) -> any PageFetcher {
        registry == nil ? fetcher : MeasuredPageFetcher(fetcher, purpose: purpose, factory: factory)
    }

    /// The text exposition of every series, the queue gauges read from `store` first. A queue
    /// that cannot be read shows NaN rather than its last figure, and `onFailure` hears why.
    func exposition(reading store: any PingRepository, onFailure: (any Error) -> Void) async -> [UInt8] {
        guard let registry else { return [] }
        do {
            let now = Int(Date().timeIntervalSince1970)
            for backlog in try await store.queueBacklogs() {
                queueDepths[backlog.queue]?.record(backlog.depth)
                queueAges[backlog.queue]?.record(backlog.oldestReceivedAt.map { max(0, now - $0) } ?? 0)
            }
        } catch {
            onFailure(error)
            for gauge in queueDepths.values { gauge.record(Double.nan) }
            for gauge in queueAges.values { gauge.record(Double.nan) }
        }
        return registry.emitToBuffer()
    }
}
