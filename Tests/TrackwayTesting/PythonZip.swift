import Foundation

/// Zip archives written by Python's `zipfile` module, a writer independent of Trackway's reader.
///
/// ```swift
/// let site = try PythonZip.write([.init(name: "site.000.xml", bytes: part)], to: directory.file("site.zip"))
/// ```
public enum PythonZip {
    /// One file to put in an archive.
    public struct Entry: Sendable {
        public var name: String
        public var bytes: [UInt8]
        /// Deflated (method 8) when true, stored (method 0) when false.
        public var deflated: Bool

        public init(name: String, bytes: [UInt8], deflated: Bool = true) {
            self.name = name
            self.bytes = bytes
            self.deflated = deflated
        }
    }

    /// Writes `entries`, in the order given, to `url`; with `zip64`, every Zip64 structure the
    /// writer has (local and central extra fields, the Zip64 end record and its locator) is
    /// written, by lowering its 4 GB threshold rather than writing 4 GB.
    @discardableResult
    public static func write(_ entries: [Entry], to url: URL, zip64: Bool = false) throws -> URL {
        let specification: [[String: Any]] = entries.map {
            ["name": $0.name, "data": Data($0.bytes).base64EncodedString(), "deflated": $0.deflated]
        }
        let input = try JSONSerialization.data(withJSONObject: specification)
        let result = try ChildProcess.tool("python3", ["-c", script, url.path, zip64 ? "zip64" : "plain"], input: input)
        guard result.status == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "zipfile failed: \(result.stderr)"])
        }
        return url
    }

    private static let script = """
        import base64, json, sys, zipfile
        path, mode = sys.argv[1], sys.argv[2]
        if mode == "zip64":
            zipfile.ZIP64_LIMIT = 1
        with zipfile.ZipFile(path, "w") as archive:
            for entry in json.load(sys.stdin):
                info = zipfile.ZipInfo(entry["name"], date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED if entry["deflated"] else zipfile.ZIP_STORED
                with archive.open(info, "w", force_zip64=(mode == "zip64")) as member:
                    member.write(base64.b64decode(entry["data"]))
        """
}
