import Foundation
import TrackwayGateway

/// A read API answer as a client receives it.
struct APIAnswer {
    let status: Int
    /// Header names lower-cased.
    let headers: [String: String]
    let body: String

    /// The body parsed as JSON (nil when it is not JSON).
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    /// A JF2 feed's entries.
    var children: [[String: Any]] { object["children"] as? [[String: Any]] ?? [] }
    /// A `links` answer's entries.
    var links: [[String: Any]] { object["links"] as? [[String: Any]] ?? [] }
}

extension GatewayHarness {
    /// GETs `path` with the query `parameters` (each name and value percent-encoded), over curl.
    func api(_ path: String, _ parameters: [(String, String)] = [], method: String = "GET") async throws -> APIAnswer {
        let query = parameters.map { Self.encoded($0.0) + "=" + Self.encoded($0.1) }.joined(separator: "&")
        let arguments = method == "HEAD" ? ["-I", "-o", "/dev/null"] : ["-X", method]
        return try await api(rawPath: path + (query.isEmpty ? "" : "?" + query), arguments: arguments)
    }

    /// GETs `pathAndQuery` exactly as written (for queries that must reach the server unencoded).
    func api(rawPath pathAndQuery: String, arguments: [String] = []) async throws -> APIAnswer {
        let answer = try await curl(arguments + ["-g", base + pathAndQuery])
        var headers: [String: String] = [:]
        for line in answer.headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return APIAnswer(status: answer.status, headers: headers, body: answer.body)
    }

    /// The JF2 entries for `target` with `parameters`, up to 100.
    func jf2(_ target: String, _ parameters: [(String, String)] = []) async throws -> [[String: Any]] {
        try await api("/api/mentions.jf2", [("target", target), ("per-page", "100")] + parameters).children
    }

    private static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? text
    }
}

extension GatewayHarness {
    /// A running gateway whose database also holds `MentionsSite`.
    static func withMentionsSite(
        configure: (inout GatewayConfiguration) -> Void = { _ in }
    ) async throws -> GatewayHarness {
        let harness = try await GatewayHarness(configure: configure)
        do {
            try MentionsSite.importSite(into: harness.databasePath)
        } catch {
            harness.stop()
            throw error
        }
        return harness
    }

    /// Runs a Python script (system Python, standard library) with `arguments`; its output.
    func python(_ script: String, _ arguments: [String]) async throws -> String {
        try await Self.run("/usr/bin/python3", ["-c", script] + arguments)
    }
}
