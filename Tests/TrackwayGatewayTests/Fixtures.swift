import Foundation

/// Reads WordPress's recorded protocol answers from `../shared/fixtures/protocol/wordpress-6.1/`.
enum Fixtures {
    static let protocolFolder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/TrackwayGatewayTests/Fixtures.swift → repository root → its parent holds shared/.
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.deletingLastPathComponent().appendingPathComponent("shared/fixtures/protocol/wordpress-6.1")
    }()

    static func text(_ name: String) throws -> String {
        try String(contentsOf: protocolFolder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The request body recorded under `--- request body ---` in `NAME.http.txt`.
    static func requestBody(_ name: String) throws -> String {
        let http = try text("\(name).http.txt")
        guard let marker = http.range(of: "--- request body ---\n") else { return "" }
        return String(http[marker.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of the first `<tag>…</tag>` in `xml`.
    static func firstElementText(_ tag: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(tag)>"), let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
