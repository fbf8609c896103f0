import Foundation
import Synchronization

/// The other side of every HTTP test: a site on 127.0.0.1 that serves the pages a test sets (with
/// their status, headers, delays, redirect loops or endless bodies) and records every request.
///
/// It is `Tests/Support/test_site.py`, a child process: a source that stalls or floods stalls
/// only the site, never the test process or an in-process gateway it is testing, and the POSTs it
/// records are decoded by Python's own `xmlrpc.client` and `urllib`, not by Trackway.
///
/// ```swift
/// let site = try TestSite()
/// defer { site.stop() }
/// try site.serve(["/post": .init(headers: [("Link", "</wm>; rel=webmention")])])
/// _ = try CommandLineHarness.trackway(["ping", source, site.url("/post")])
/// #expect(try site.takeReceived().first?["path"] as? String == "/wm")
/// ```
public final class TestSite: Sendable {
    /// One answer. `{{base}}` in header values and the body stands for `base`; `{{next}}` in a
    /// header value for the request's path with its last number plus one (`/loop/3` → `/loop/4`).
    public struct Page: Sendable {
        /// The HTTP status.
        public var status: Int
        /// Header fields in order, name then value; `Content-Length` is added unless the body is endless.
        public var headers: [(String, String)]
        /// The body, sent as UTF-8.
        public var body: String
        /// Seconds to wait before answering.
        public var delay: Double
        /// Sends the body again and again until the client hangs up.
        public var endless: Bool

        public init(status: Int = 200, headers: [(String, String)] = [], body: String = "", delay: Double = 0, endless: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.endless = endless
        }
    }

    private let folder: TemporaryDirectory
    private let server: HelperServer
    private let pages = Mutex<[String: Page]>([:])

    /// Starts the site with no pages: GET answers 404, POST 202.
    public init() throws {
        folder = try TemporaryDirectory(prefix: "trackway-site")
        try folder.write("{}", to: "pages.json")
        server = try HelperServer(
            URL(fileURLWithPath: "/usr/bin/python3"),
            ["-u", TestPaths.repositoryRoot.appendingPathComponent("Tests/Support/test_site.py").path, folder.path]
        )
        guard server.port != 0 else {
            server.stop()
            throw TestSiteError(message: "the test site did not start: \(server.firstLine)")
        }
    }

    /// The port it listens on.
    public var port: Int { server.port }

    /// `http://127.0.0.1:PORT`.
    public var base: String { "http://127.0.0.1:\(port)" }

    /// The absolute URL of `path` (which starts with `/`).
    public func url(_ path: String) -> String { base + path }

    /// Adds or replaces pages, by path. A path with a query matches only that query; a path
    /// ending in `*` matches every path it prefixes.
    public func serve(_ newPages: [String: Page]) throws {
        try pages.withLock { pages in
            pages.merge(newPages) { _, new in new }
            var json: [String: Any] = [:]
            for (path, page) in pages {
                json[path] = [
                    "status": page.status, "headers": page.headers.map { [$0.0, $0.1] }, "body": page.body,
                    "delay": page.delay, "endless": page.endless,
                ] as [String: Any]
            }
            // Written whole, then renamed: the site reads the file on every request.
            try JSONSerialization.data(withJSONObject: json).write(to: folder.file("pages.json"), options: .atomic)
        }
    }

    /// Every request so far, oldest first, as JSON objects: `method`, `path`, `query`,
    /// `client_port`, `content_type`, `user_agent`, `at` (seconds since 1970), `body`, and for a POST `form` or `xmlrpc` (`method`,
    /// `params`); an endless body adds `{"path", "hung_up_after": bytes}` when its client hangs up.
    public func received() throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: folder.file("requests.jsonl"), encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw TestSiteError(message: "the test site recorded something other than a JSON object: \(line)")
            }
            return object
        }
    }

    /// The POSTs received so far, oldest first; forgets every request recorded until now.
    public func takeReceived() throws -> [[String: Any]] {
        let posts = try received().filter { $0["method"] as? String == "POST" }
        try? FileManager.default.removeItem(at: folder.file("requests.jsonl"))
        return posts
    }

    /// Stops the site (a test may call it more than once). What it recorded stays readable.
    public func stop() {
        server.stop()
    }
}

/// The test site could not start or recorded something unreadable.
public struct TestSiteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
