/// Where an export's bytes come from: a file, bytes already in memory (an upload, a test), or one
/// file inside a zip archive.
///
/// All are read the same way, gzip-compressed or not, and all are named in every error and
/// warning: a file by its path, bytes by the name given with them, a zip entry as `archive:entry`.
///
/// ```swift
/// let input = ExportInput.bytes(Array(document.utf8), name: "upload.xml")
/// let (reader, _, format) = try openExportReader(input, options: ReadOptions(fileName: input.name))
/// ```
public enum ExportInput: Sendable {
    /// The file at a path, as the user typed it.
    case file(String)
    /// Bytes in memory, plain or gzip-compressed, and the name messages give them.
    case bytes([UInt8], name: String)
    /// One file inside a zip archive (`ZipArchive.entries(path:)` lists them).
    case zipEntry(ZipEntry)

    /// What messages call this input: the path, or the name given to the bytes.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(_, let name): name
        case .zipEntry(let entry): entry.displayName
        }
    }

    /// The file name a Movable Type site is named after: the path, the bytes' name, or the
    /// entry's name inside its archive.
    public var siteFileName: String {
        if case .zipEntry(let entry) = self { return entry.name }
        return name
    }

    /// The inputs this one stands for: each file of a zip archive in name order, or itself; of
    /// a Movable Type backup package (a zip holding a `.manifest`), the manifest alone, which
    /// reads the backup files it lists from the archive. Throws `ImportError` naming the archive
    /// (and the entry) when the archive is refused.
    ///
    /// ```swift
    /// let parts = try ExportInput.file("site.zip").members()   // [.zipEntry(…000.xml), .zipEntry(…001.xml)]
    /// ```
    public func members() throws -> [ExportInput] {
        guard case .file(let path) = self, ZipArchive.isArchive(path: path) else { return [self] }
        let entries = try ZipArchive.entries(path: path)
        if let manifest = entries.first(where: { $0.name.lowercased().hasSuffix(".manifest") }) {
            return [.zipEntry(manifest)]
        }
        return entries.map { .zipEntry($0) }
    }
}
