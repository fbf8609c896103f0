/// Fetches pages and posts bodies over HTTP for the gateway (pingback sources, background checks,
/// the owner's webhook) and the ping sender (targets, endpoints). `SourceFetcher` does it with
/// libcurl; `MemoryPageFetcher` answers from pages held in memory, for tests.
///
/// The contract every implementation keeps:
/// - Only `http` and `https` URLs: anything else throws `FetchError` `.unsupportedURL` before any
///   connection.
/// - Every failure throws `FetchError` with the URL asked for: `.refusedAddress` (an internal
///   address where the fetcher's policy forbids them), `.tooLarge` (past the fetcher's size
///   limit), `.httpStatus` (400 or more, unless `acceptingErrorStatus`), `.transport` (DNS,
///   connect, TLS, time or redirect limits).
/// - A GET follows redirects and its page's `url` is the one after them; a POST follows none.
/// - `read` runs once and its result is what `get` returns. The libcurl fetcher runs it on the
///   transfer's thread, off the event loops: parsing a large page on a loop would hold up every
///   request the loop serves.
///
/// ```swift
/// let title = try await fetcher.get(url) { page in HTMLLinkScanner.scan(page.body, pageURL: page.url, charset: page.charset).title }
/// ```
protocol PageFetcher: Sendable {
    /// GETs `url` and hands the page to `read`.
    func get<T: Sendable>(_ url: String, reading read: @escaping @Sendable (FetchedPage) -> T) async throws -> T

    /// POSTs `body` to `url`; the answer, unless it is 400 or more and not `acceptingErrorStatus`
    /// (a ping sender reports what a 4xx said).
    func post(_ url: String, body: [UInt8], contentType: String, acceptingErrorStatus: Bool) async throws -> FetchedPage
}

extension PageFetcher {
    /// GETs `url`; throws `FetchError` when no page could be had.
    func get(_ url: String) async throws -> FetchedPage {
        try await get(url) { $0 }
    }

    /// POSTs `body` to `url`; throws `FetchError` unless the answer is 2xx or 3xx.
    func post(_ url: String, body: [UInt8], contentType: String) async throws -> FetchedPage {
        try await post(url, body: body, contentType: contentType, acceptingErrorStatus: false)
    }
}
