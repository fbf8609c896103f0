import Foundation

/// Reads WordPress's recorded protocol answers from `../shared/fixtures/protocol/wordpress-6.1/`.
public enum ProtocolFixtures {
    public static let folder: URL = TestPaths.sharedFixtures.appendingPathComponent("protocol/wordpress-6.1")

    /// The whole text of the recorded file `name`.
    public static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The request body recorded under `--- request body ---` in `NAME.http.txt`.
    public static func requestBody(_ name: String) throws -> String {
        let http = try text("\(name).http.txt")
        guard let marker = http.range(of: "--- request body ---\n") else { return "" }
        return String(http[marker.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The text of the first `<tag>…</tag>` in `xml`.
    public static func firstElementText(_ tag: String, in xml: String) -> String? {
        guard let open = xml.range(of: "<\(tag)>"), let close = xml.range(of: "</\(tag)>", range: open.upperBound..<xml.endIndex) else {
            return nil
        }
        return String(xml[open.upperBound..<close.lowerBound])
    }
}
