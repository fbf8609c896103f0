import TrackwayCore

/// The kind of export a file holds, told from its first bytes.
///
/// ```swift
/// let format = ExportFormat.detect(prefix: try file.peek(8192))   // .wxr, .movableType or nil
/// ```
public enum ExportFormat: String, Sendable {
    /// WordPress eXtended RSS (1.0 to 1.2).
    case wxr
    /// The Movable Type import/export text format.
    case movableType

    /// Detects from the first bytes (after gunzip): WXR = XML whose root is `rss` and which binds a
    /// namespace matching `https?://wordpress.org/export/N.N/` (any prefix); MT = text whose first
    /// non-blank line (BOM stripped) is a known MT key (`AUTHOR:`, `TITLE:`, `DATE:`, …). nil = unknown.
    public static func detect(prefix: [UInt8]) -> ExportFormat? {
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return nil }
        if bytes[first] == UInt8(ascii: "<") {
            return isWXR(bytes[first...]) ? .wxr : nil
        }
        return isMovableType(bytes[first...]) ? .movableType : nil
    }

    /// The keys a Movable Type entry's metadata may start with.
    static let movableTypeKeys: Set<String> = [
        "AUTHOR", "TITLE", "DATE", "STATUS", "BASENAME", "ALLOW COMMENTS", "ALLOW PINGS", "CONVERT BREAKS",
        "CATEGORY", "PRIMARY CATEGORY", "TAGS", "NO ENTRY", "AUTHOR EMAIL", "UNIQUE URL", "START BODY", "IMAGE",
    ]

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Finds the root start tag past the prolog (declaration, comments, doctype) and checks it.
    private static func isWXR(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.hasPrefix("<!DOCTYPE"), let open = rest.firstIndex(of: "["),
               open < (rest.firstIndex(of: ">") ?? rest.endIndex) {
                // An internal subset holds declarations with their own '>'.
                guard let close = rest[open...].firstRange(of: "]>") ?? rest[open...].firstRange(of: "] >") else { return false }
                rest = rest[close.upperBound...]
            } else if rest.hasPrefix("<?") || rest.hasPrefix("<!DOCTYPE") {
                guard let end = rest.firstIndex(of: ">") else { return false }
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("<!--") {
                guard let end = rest.firstRange(of: "-->") else { return false }
                rest = rest[end.upperBound...]
            } else {
                break
            }
        }
        guard rest.hasPrefix("<") else { return false }
        let name = rest.dropFirst().prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "/" })
        guard name == "rss" || name.hasSuffix(":rss") else { return false }
        let startTag = rest.prefix(while: { $0 != ">" })
        return startTag.contains(/xmlns(:[^=\s]+)?\s*=\s*["']https?:\/\/wordpress\.org\/export\/\d+\.\d+\/["']/)
    }

    private static func isMovableType(_ bytes: ArraySlice<UInt8>) -> Bool {
        for rawLine in bytes.split(omittingEmptySubsequences: true, whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let line = String(decoding: rawLine, as: UTF8.self).trimmingWhitespace()
            if line.isEmpty || line == "--------" { continue }
            guard let colon = line.firstIndex(of: ":") else { return false }
            return movableTypeKeys.contains(String(line[..<colon]).trimmingWhitespace())
        }
        return false
    }
}
