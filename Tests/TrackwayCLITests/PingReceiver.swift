import Foundation
import TrackwayTesting

/// `Tests/Support/ping_receiver.py` on 127.0.0.1: serves the routes a test sets and records every
/// POST (form fields or XML-RPC call), so a test can assert what `trackway ping` sent.
final class PingReceiver {
    /// One answer: status, headers and body; `{{base}}` stands for `base`.
    struct Route {
        var status = 200
        var headers: [(String, String)] = []
        var body = ""
    }

    let folder: TemporaryDirectory
    private let server: HelperServer
    var port: Int { server.port }

    var base: String { "http://127.0.0.1:\(port)" }

    init() throws {
        folder = try TemporaryDirectory()
        try Data("{}".utf8).write(to: folder.file("routes.json"))
        server = try HelperServer(
            URL(fileURLWithPath: "/usr/bin/python3"),
            ["-u", CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Support/ping_receiver.py").path, folder.path]
        )
    }

    func stop() {
        server.stop()
    }

    /// Replaces every route.
    func serve(_ routes: [String: Route]) throws {
        var json: [String: Any] = [:]
        for (path, route) in routes {
            json[path] = ["status": route.status, "headers": route.headers.map { [$0.0, $0.1] }, "body": route.body]
        }
        try JSONSerialization.data(withJSONObject: json).write(to: folder.file("routes.json"))
    }

    /// Every POST received so far, oldest first; forgets them.
    func takeReceived() throws -> [[String: Any]] {
        let log = folder.file("received.jsonl")
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        try FileManager.default.removeItem(at: log)
        return try text.split(separator: "\n").map { try CommandLineHarness.jsonObject(String($0)) }
    }
}
