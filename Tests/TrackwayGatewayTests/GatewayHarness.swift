import Foundation
import TrackwayTesting
import TrackwayCore
import TrackwayGateway
import TrackwayStore

/// A real gateway on 127.0.0.1 (port 0) over a fresh database, plus a Python HTTP server that
/// plays the pinging site, serving the pages written into `siteFolder`.
final class GatewayHarness: @unchecked Sendable {
    let folder: TemporaryDirectory
    let siteFolder: URL
    let databasePath: String
    private(set) var port = 0
    private(set) var sitePort = 0
    private var serverTask: Task<Void, Error>?
    private var siteServer: HelperServer?

    static let blog = "http://blog.example"
    static let openPost = "http://blog.example/2008/01/hello/"
    static let closedPost = "http://blog.example/2009/01/closed/"
    static let draftPost = "http://blog.example/2009/02/draft/"

    /// With `notifyingSite`, the gateway's `--notify-url` is the pinging site, which appends each
    /// notification to `notifications.jsonl` in `siteFolder`.
    init(notifyingSite: Bool = false, configure: (inout GatewayConfiguration) -> Void = { _ in }) async throws {
        folder = try TemporaryDirectory(prefix: "trackway-gw")
        siteFolder = folder.file("site")
        try FileManager.default.createDirectory(at: siteFolder, withIntermediateDirectories: true)
        databasePath = folder.file("test.sqlite").path
        try Self.seed(databasePath)
        try startSite()
        var configuration = GatewayConfiguration(databasePath: databasePath)
        configuration.port = 0
        configuration.allowPrivateSources = true
        configuration.logActivity = false
        configuration.queuePollSeconds = 0.1
        if notifyingSite { configuration.notifyURL = "http://127.0.0.1:\(sitePort)/notify" }
        configure(&configuration)
        let gateway = try Gateway(configuration: configuration)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        serverTask = Task {
            try await gateway.run { port in continuation.yield(port) }
        }
        for await bound in ports {
            port = bound
            break
        }
    }

    func stop() {
        serverTask?.cancel()
        // The server under test ignores SIGTERM (it handles it itself) and the child inherits that: kill.
        siteServer?.stop()
    }

    var base: String { "http://127.0.0.1:\(port)" }
    var siteBase: String { "http://127.0.0.1:\(sitePort)" }

    /// Writes a page the pinging site serves; returns its URL.
    @discardableResult
    func page(_ name: String, _ html: String) throws -> String {
        try html.write(to: siteFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return "\(siteBase)/\(name)"
    }

    /// Makes the pinging site answer `name` with `status` (410 Gone, …) and an empty body.
    func answer(_ name: String, status: Int) throws {
        try String(status).write(to: siteFolder.appendingPathComponent(name + ".status"), atomically: true, encoding: .utf8)
    }

    /// Three posts of one site: open, pings closed, draft; each with permalink and `?p=` guid rows.
    static func seed(_ path: String) throws {
        let db = try Database(path: path)
        try db.execute("INSERT INTO sites(id, source_key, format, title, link, base_blog_url) VALUES (1, '\(blog)', 'wxr', 'Blog', '\(blog)', '\(blog)')")
        let posts: [(Int, String, String, String, String)] = [
            (1, openPost, "publish", "open", "Hello world"),
            (2, closedPost, "publish", "closed", "Closed post"),
            (3, draftPost, "draft", "open", "Draft post"),
        ]
        for (id, link, status, pings, title) in posts {
            try db.statement("""
                INSERT INTO posts(id, site_id, source_id, post_type, status, title, link, guid, ping_status)
                VALUES (?, 1, ?, 'post', ?, ?, ?, ?, ?)
                """).run(id, String(id), status, title, link, "\(blog)/?p=\(id)", pings)
            for (url, kind) in [(link, "permalink"), ("\(blog)/?p=\(id)", "guid")] {
                guard let key = LegacyURLKey(url) else { continue }
                try db.statement("INSERT INTO post_urls(url_key, post_id, url, kind) VALUES (?, ?, ?, ?)").run(key.value, id, url, kind)
            }
        }
    }

    private func startSite() throws {
        let server = try HelperServer(URL(fileURLWithPath: "/usr/bin/python3"), ["-u", "-c", """
            import http.server, socketserver, sys, os
            os.chdir(sys.argv[1])
            class Quiet(http.server.SimpleHTTPRequestHandler):
                def log_message(self, *args): pass
                def do_GET(self):
                    # NAME.status beside a page holds the HTTP status to answer for it instead.
                    marker = os.path.join(sys.argv[1], self.path.split("?")[0].lstrip("/") + ".status")
                    if os.path.exists(marker):
                        self.send_response(int(open(marker).read()))
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    super().do_GET()
                def do_POST(self):
                    # Plays the owner's webhook: each body (one line of JSON) is appended to notifications.jsonl.
                    body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                    with open(os.path.join(sys.argv[1], "notifications.jsonl"), "ab") as log:
                        log.write(body + b"\\n")
                    self.send_response(204)
                    self.end_headers()
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
            print(server.server_address[1], flush=True)
            server.serve_forever()
            """, siteFolder.path])
        siteServer = server
        sitePort = server.port
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
