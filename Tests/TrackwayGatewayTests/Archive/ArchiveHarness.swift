import Foundation
import TrackwayCore
import TrackwayGateway
import TrackwayTesting

/// What the archive tests ask of a gateway over `ArchiveSample`: a GET with an optional Host
/// and headers, answered over a real socket by curl.
extension GatewayHarness {
    /// A gateway serving `ArchiveSample`, plus `extra` records.
    static func archive(
        _ extra: [ImportRecord] = [], configure: @escaping (inout GatewayConfiguration) -> Void = { _ in }
    ) async throws -> GatewayHarness {
        try await GatewayHarness(records: ArchiveSample.records() + extra, configure: configure)
    }

    /// GETs `path` (with `host` as the Host header when given).
    func get(_ path: String, host: String? = nil, headers: [String] = [], method: String? = nil) async throws -> (status: Int, headers: String, body: String) {
        var arguments = ["--path-as-is"]
        if let host { arguments += ["-H", "Host: \(host)"] }
        for header in headers { arguments += ["-H", header] }
        if let method { arguments += method == "HEAD" ? ["-I", "-o", "/dev/null"] : ["-X", method] }
        return try await curl(arguments + [base + path])
    }

    /// The value of header `name` in `headers` (as curl printed them), or nil.
    static func header(_ name: String, in headers: String) -> String? {
        headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name.lowercased() + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }
}
