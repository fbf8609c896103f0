import Foundation
import TrackwayTesting
import TrackwayCore
import TrackwayGateway
import TrackwayStore

/// A real gateway on 127.0.0.1 (port 0) over a fresh database, plus a `TestSite` that plays the
/// pinging site.
final class GatewayHarness: @unchecked Sendable {
    let folder: TemporaryDirectory
    let databasePath: String
    let site: TestSite
    private(set) var port = 0
    private var gateway: Gateway?

    static let blog = "http://blog.example"
    static let openPost = "http://blog.example/2008/01/hello/"
    static let closedPost = "http://blog.example/2009/01/closed/"
    static let draftPost = "http://blog.example/2009/02/draft/"

    /// With `notifyingSite`, the gateway's `--notify-url` is the pinging site's `/notify`, which
    /// answers 204 and records each notification (see `notifications()`). With `records`, the
    /// database holds those instead of the three posts of `seed`; with `importing`, what
    /// `importing(databasePath, folder)` puts there (an import of export files, written beside it).
    init(
        notifyingSite: Bool = false, records: [ImportRecord]? = nil, configure: (inout GatewayConfiguration) -> Void = { _ in },
        importing: ((String, TemporaryDirectory) throws -> Void)? = nil
    ) async throws {
        folder = try TemporaryDirectory(prefix: "trackway-gw")
        databasePath = folder.file("test.sqlite").path
        if let importing {
            try importing(databasePath, folder)
        } else if let records {
            let session = ImportSession(store: try Store(path: databasePath))
            for record in records { try session.write(record) }
            _ = try session.finish()
        } else {
            try Self.seed(databasePath)
        }
        site = try TestSite()
        try site.serve(["/notify": TestSite.Page(status: 204)])
        var configuration = GatewayConfiguration(databasePath: databasePath)
        configuration.port = 0
        configuration.allowPrivateSources = true
        configuration.logActivity = false
        configuration.queuePollSeconds = 0.1
        if notifyingSite { configuration.notifyURL = site.url("/notify") }
        configure(&configuration)
        let gateway = try Gateway(configuration: configuration)
        self.gateway = gateway
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        Task {
            try await gateway.run { port in continuation.yield(port) }
        }
        for await bound in ports {
            port = bound
            break
        }
    }

    func stop() {
        // Gracefully, as SIGTERM does: cancelling the server's task can crash the test process.
        Task { [gateway] in await gateway?.shutDown() }
        site.stop()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Makes the pinging site serve `text` at `/name`, as `text/plain` when the name ends in
    /// `.txt` and as `text/html` otherwise; returns its URL.
    @discardableResult
    func page(_ name: String, _ text: String) throws -> String {
        let type = name.hasSuffix(".txt") ? "text/plain" : "text/html"
        try site.serve(["/" + name: TestSite.Page(headers: [("Content-Type", type)], body: text)])
        return site.url("/" + name)
    }

    /// Makes the pinging site answer `name` with `status` (410 Gone, …) and an empty body.
    func answer(_ name: String, status: Int) throws {
        try site.serve(["/" + name: TestSite.Page(status: status)])
    }

    /// The bodies of the notifications the pinging site received, oldest first.
    func notifications() throws -> [String] {
        try site.received().filter { $0["path"] as? String == "/notify" }.map { $0["body"] as? String ?? "" }
    }

    /// Three posts of one site, imported as a user imports them: open, pings closed, draft, with
    /// ids 1 to 3; each resolves by its permalink and its `?p=` guid.
    static func seed(_ path: String) throws {
        var site = Site(sourceKey: blog, format: .wxr)
        site.title = "Blog"
        site.link = blog
        site.baseBlogURL = blog
        let session = ImportSession(store: try Store(path: path))
        try session.write(.site(site))
        for (id, link, status, pings, title) in [
            (1, openPost, "publish", "open", "Hello world"),
            (2, closedPost, "publish", "closed", "Closed post"),
            (3, draftPost, "draft", "open", "Draft post"),
        ] {
            var post = Post(sourceID: String(id))
            post.status = status
            post.title = title
            post.link = link
            post.guid = "\(blog)/?p=\(id)"
            post.pingStatus = pings
            try session.write(.post(post))
        }
        _ = try session.finish()
    }

    // MARK: Clients

    /// Calls `method` with Python's xmlrpc.client; returns `{"result": …}` or `{"fault": [code, text]}`.
    func xmlrpc(_ method: String, _ arguments: [String], path: String = "/xmlrpc.php") async throws -> [String: Any] {
        let json = String(decoding: try JSONSerialization.data(withJSONObject: arguments), as: UTF8.self)
        let script = """
        import json, sys, xmlrpc.client
        proxy = xmlrpc.client.ServerProxy(sys.argv[1], allow_none=True)
        try:
            result = getattr(proxy, sys.argv[2])(*json.loads(sys.argv[3]))
            print(json.dumps({"result": result}))
        except xmlrpc.client.Fault as fault:
            print(json.dumps({"fault": [fault.faultCode, fault.faultString]}))
        except xmlrpc.client.ProtocolError as error:
            print(json.dumps({"http": error.errcode}))
        """
        let output = try await Self.run("/usr/bin/python3", ["-c", script, base + path, method, json])
        return (try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]) ?? [:]
    }

    /// Runs curl; returns the HTTP status, the headers and the body.
    func curl(_ arguments: [String]) async throws -> (status: Int, headers: String, body: String) {
        let headerFile = folder.file("headers-\(UUID().uuidString)").path
        let body = try await Self.run("/usr/bin/curl", ["-s", "-D", headerFile] + arguments)
        let headers = (try? String(contentsOfFile: headerFile, encoding: .utf8)) ?? ""
        let status = headers.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return (status, headers, body)
    }

    /// POSTs a TrackBack form to `path`.
    func trackback(_ path: String, _ form: String) async throws -> (status: Int, headers: String, body: String) {
        try await curl(["-X", "POST", "-H", "Content-Type: application/x-www-form-urlencoded", "--data-binary", form, base + path])
    }

    /// POSTs a Webmention form (`source`, `target`, URL-encoded by curl) to `/webmention`.
    func webmention(source: String, target: String) async throws -> (status: Int, headers: String, body: String) {
        try await curl(["--data-urlencode", "source=\(source)", "--data-urlencode", "target=\(target)", base + "/webmention"])
    }

    /// The `Location` header of a response's headers, or nil.
    static func location(in headers: String) -> String? {
        headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix("location:") }
            .map { $0.dropFirst("location:".count).trimmingCharacters(in: .whitespaces) }
    }

    /// Reads a Webmention status page until it no longer says `queued` (up to 10 s); returns its JSON.
    func settledStatus(_ statusURL: String) async throws -> [String: String] {
        var status: [String: String] = [:]
        for _ in 0..<100 {
            let page = try await curl([statusURL])
            status = (try JSONSerialization.jsonObject(with: Data(page.body.utf8)) as? [String: String]) ?? [:]
            if status["status"] != "queued" { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return status
    }

    /// Rows of a query, for checking what the server stored (read through SQLite's own CLI).
    func sqlite(_ sql: String) async throws -> String {
        try await onOwnThread { [databasePath] in try SQLiteFile(path: databasePath).query(sql) }
    }

    /// Runs a tool to completion on a thread of its own (see `onOwnThread`); its standard output.
    static func run(_ executable: String, _ arguments: [String]) async throws -> String {
        try await onOwnThread { try ChildProcess.run(URL(fileURLWithPath: executable), arguments).stdout }
    }
}
