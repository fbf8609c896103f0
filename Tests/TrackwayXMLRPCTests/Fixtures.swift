import Foundation

/// Reads WordPress's recorded protocol answers from `../shared/fixtures/protocol/wordpress-6.1/`.
enum Fixtures {
    static let protocolFolder: URL = {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/TrackwayXMLRPCTests/Fixtures.swift → repository root → its parent holds shared/.
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

/// Decodes XML-RPC documents with Python's `xmlrpc.client`, an implementation independent of ours.
enum PythonXMLRPC {
    /// Python's reading of a methodResponse, as JSON: `{"result": …}` or `{"fault": [code, text]}`.
    static func decode(_ document: [UInt8]) throws -> [String: Any] {
        let script = """
        import sys, json, xmlrpc.client
        data = sys.stdin.buffer.read()
        try:
            (result,), _ = xmlrpc.client.loads(data, use_builtin_types=True)
            def plain(v):
                if isinstance(v, bytes): return {"bytes": list(v)}
                if isinstance(v, list): return [plain(x) for x in v]
                if isinstance(v, dict): return {k: plain(x) for k, x in v.items()}
                return v
            print(json.dumps({"result": plain(result)}))
        except xmlrpc.client.Fault as f:
            print(json.dumps({"fault": [f.faultCode, f.faultString]}))
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(document))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }
}
