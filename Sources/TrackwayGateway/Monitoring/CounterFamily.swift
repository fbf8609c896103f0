import CoreMetrics

/// One counter series per key, all made up front (each shows at 0 from the first scrape, and
/// counting is a dictionary read and an atomic add, without a lock).
///
/// ```swift
/// let fetches = CounterFamily(label: "trackway_source_fetches_total", keys: FetchResult.allCases,
///                             dimensions: { [("result", $0.rawValue)] }, factory: factory)
/// fetches.increment(.ok)
/// ```
struct CounterFamily<Key: Hashable & Sendable>: Sendable {
    private let counters: [Key: Counter]

    init(label: String, keys: [Key], dimensions: (Key) -> [(String, String)], factory: any MetricsFactory) {
        counters = Dictionary(uniqueKeysWithValues: keys.map { ($0, Counter(label: label, dimensions: dimensions($0), factory: factory)) })
    }

    /// Adds one to `key`'s series. A key that was not made up front is a mistake in the caller:
    /// debug builds stop on it, release builds leave it uncounted.
    func increment(_ key: Key) {
        guard let counter = counters[key] else { return assertionFailure("no series was made for \(key)") }
        counter.increment()
    }
}
