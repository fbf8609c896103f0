import CoreMetrics

/// A `PageFetcher` that counts its fetches by result (`trackway_source_fetches_total{purpose,
/// result}`) and times them (`trackway_source_fetch_duration_seconds{purpose}`), the wait for a
/// fetch slot included, as the ping or check waiting on it sees it.
struct MeasuredPageFetcher: PageFetcher {
    static let durationLabel = "trackway_source_fetch_duration_seconds"

    /// Whose fetch it is.
    enum Purpose: String, Sendable {
        /// A pingback's source, fetched while its sender waits.
        case pingback
        /// A stored trackback's or a webmention's source, checked in the background.
        case verification
    }

    /// How a fetch ended.
    enum Result: String, Sendable, CaseIterable {
        case ok, httpError = "http_error", refusedAddress = "refused_address", tooLarge = "too_large", transport
        case unsupportedURL = "unsupported_url"

        init(_ error: any Error) {
            switch (error as? FetchError)?.reason {
            case .httpStatus: self = .httpError
            case .refusedAddress: self = .refusedAddress
            case .tooLarge: self = .tooLarge
            case .unsupportedURL: self = .unsupportedURL
            case .transport, nil: self = .transport
            }
        }
    }

    private let fetcher: any PageFetcher
    private let results: CounterFamily<Result>
    private let durations: CoreMetrics.Timer

    init(_ fetcher: any PageFetcher, purpose: Purpose, factory: any MetricsFactory) {
        self.fetcher = fetcher
        results = CounterFamily(
            label: "trackway_source_fetches_total", keys: Result.allCases,
            dimensions: { [("purpose", purpose.rawValue), ("result", $0.rawValue)] }, factory: factory
        )
        durations = CoreMetrics.Timer(label: Self.durationLabel, dimensions: [("purpose", purpose.rawValue)], factory: factory)
    }

    func get<T: Sendable>(_ url: String, reading read: @escaping @Sendable (FetchedPage) -> T) async throws -> T {
        try await measured { try await fetcher.get(url, reading: read) }
    }

    func post(_ url: String, body: [UInt8], contentType: String, acceptingErrorStatus: Bool) async throws -> FetchedPage {
        try await measured { try await fetcher.post(url, body: body, contentType: contentType, acceptingErrorStatus: acceptingErrorStatus) }
    }

    private func measured<T>(_ fetch: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        defer { durations.recordElapsed(since: start) }
        do {
            let value = try await fetch()
            results.increment(.ok)
            return value
        } catch {
            results.increment(Result(error))
            throw error
        }
    }
}
