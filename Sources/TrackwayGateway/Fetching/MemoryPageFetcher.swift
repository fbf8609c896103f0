import Foundation

/// A `PageFetcher` that answers from pages held in memory, for tests that need no sockets: each
/// URL answers with the page, status or failure it was given, any other http(s) URL with 404.
/// POSTs are answered with an empty 200 and kept in `posts`.
///
/// ```swift
/// let fetcher = MemoryPageFetcher()
/// fetcher.serve("http://other.example/post", html: "<title>T</title><a href=\"http://blog.example/hello/\">x</a>")
/// fetcher.fail("http://down.example/", with: .transport("Could not connect"))
/// ```
final class MemoryPageFetcher: PageFetcher, @unchecked Sendable {
    /// What one URL answers.
    enum Answer: Sendable {
        case page(FetchedPage)
        case failure(FetchError.Reason)
    }

    private let lock = NSLock()
    private var answers: [String: Answer] = [:]
    private var posted: [(url: String, body: [UInt8], contentType: String)] = []

    init() {}

    /// Makes `url` answer with `html` (or any text) under `status` and `contentType`.
    func serve(_ url: String, html: String, status: Int = 200, contentType: String = "text/html; charset=utf-8") {
        let page = FetchedPage(
            url: url, status: status,
            charset: SourceFetcher.charset(inContentType: contentType), mediaType: SourceFetcher.mediaType(inContentType: contentType),
            headers: [("Content-Type", contentType)], body: Array(html.utf8)
        )
        lock.withLock { answers[url] = .page(page) }
    }

    /// Makes `url` fail with `reason`, as an unreachable or refused source does.
    func fail(_ url: String, with reason: FetchError.Reason) {
        lock.withLock { answers[url] = .failure(reason) }
    }

    /// Every POST so far, in order.
    var posts: [(url: String, body: [UInt8], contentType: String)] {
        lock.withLock { posted }
    }

    func get<T: Sendable>(_ url: String, reading read: @escaping @Sendable (FetchedPage) -> T) async throws -> T {
        read(try page(url, acceptingErrorStatus: false))
    }

    func post(_ url: String, body: [UInt8], contentType: String, acceptingErrorStatus: Bool) async throws -> FetchedPage {
        lock.withLock { posted.append((url, body, contentType)) }
        return try page(url, acceptingErrorStatus: acceptingErrorStatus, posting: true)
    }

    private func page(_ url: String, acceptingErrorStatus: Bool, posting: Bool = false) throws -> FetchedPage {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else {
            throw FetchError(url: url, reason: .unsupportedURL)
        }
        let answer = lock.withLock { answers[url] }
        let page: FetchedPage
        switch answer {
        case .failure(let reason): throw FetchError(url: url, reason: reason)
        case .page(let found): page = found
        case nil: page = FetchedPage(url: url, status: posting ? 200 : 404, body: [])
        }
        guard page.status < 400 || acceptingErrorStatus else { throw FetchError(url: url, reason: .httpStatus(page.status)) }
        return page
    }
}
