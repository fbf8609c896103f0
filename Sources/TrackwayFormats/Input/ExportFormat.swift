import TrackwayCore
import TrackwayXML

/// The kind of export a file holds, told from its content.
///
/// ```swift
/// let file = try ExportFile(path: "blog.xml")
/// let format = try ExportFormat.detect(file)   // .wxr, .movableType or nil; the file starts over
/// ```
public enum ExportFormat: String, Sendable {
    /// WordPress eXtended RSS (1.0 to 1.2).
    case wxr
    /// The Movable Type import/export text format.
    case movableType
    /// A Movable Type backup document (root `movabletype` in `http://www.sixapart.com/ns/movabletype`).
    case movableTypeBackup
    /// A split Movable Type backup's index (root `manifest` in the same namespace).
    case movableTypeBackupManifest
    /// A tar archive (`.tar.gz` read as is): Movable Type's backup package.
    case movableTypeBackupArchive

    /// Detects the format of `file` (after gunzip), then rewinds it for the reader. MT = text whose
    /// first non-blank line (BOM stripped) is a known MT key (`AUTHOR:`, `TITLE:`, `DATE:`, …).
    /// WXR = XML whose root element is `rss` and binds a namespace matching
    /// `https?://wordpress.org/export/N.N/` (any prefix); an MT backup = root `movabletype`, its
    /// manifest = root `manifest`, both in MT's namespace, and a tar archive (ustar magic) MT's
    /// backup package: libxml2 reads up to the root element
    /// however long the prolog before it (comments, processing instructions, a DOCTYPE, whose
    /// entities are not expanded), streaming. nil = unknown, including XML with no root element.
    public static func detect(_ file: ExportFile) throws -> ExportFormat? {
        let head = try file.peek(8192)
        if TarArchive.isArchive(head: head) { return .movableTypeBackupArchive }
        if isMovableType(head) { return .movableType }
        let root = try rootElement(file, head: head)
        try file.rewind()
        guard let root else { return nil }
        if root.localName == "rss" && root.declaredNamespaceURIs.contains(where: { WXRNamespace(uri: $0) == .wordPress }) {
            return .wxr
        }
        guard root.declaredNamespaceURIs.contains(MTBackupSchema.namespace) else { return nil }
        switch root.localName {
        case "movabletype": return .movableTypeBackup
        case "manifest": return .movableTypeBackupManifest
        default: return nil
        }
    }

    /// The keys a Movable Type entry's metadata may start with.
    static let movableTypeKeys: Set<String> = [
        "AUTHOR", "TITLE", "DATE", "STATUS", "BASENAME", "ALLOW COMMENTS", "ALLOW PINGS", "CONVERT BREAKS",
        "CATEGORY", "PRIMARY CATEGORY", "TAGS", "NO ENTRY", "AUTHOR EMAIL", "UNIQUE URL", "START BODY", "IMAGE",
    ]

    /// Reads `file` from its start (through the importer's byte filter, as the readers will) up
    /// to the root element.
    private static func rootElement(_ file: ExportFile, head: [UInt8]) throws -> XMLRootElement? {
        let filter = XMLInputFilter(file: file, isActive: XMLInputFilter.isUTF8Document(prefix: head))
        return try XMLRootElement.find(in: { try filter.supply($0) })
    }

    private static func isMovableType(_ head: [UInt8]) -> Bool {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        for rawLine in bytes.split(omittingEmptySubsequences: true, whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let line = String(decoding: rawLine, as: UTF8.self).trimmingWhitespace()
            if line.isEmpty || line == "--------" { continue }
            guard let colon = line.firstIndex(of: ":") else { return false }
            return movableTypeKeys.contains(String(line[..<colon]).trimmingWhitespace())
        }
        return false
    }
}
