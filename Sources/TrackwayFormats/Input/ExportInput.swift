/// Where an export's bytes come from: a file, or bytes already in memory (an upload, a test).
///
/// Both are read the same way, gzip-compressed or not, and both are named in every error and
/// warning: a file by its path, bytes by the name given with them.
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

    /// What messages call this input: the path, or the name given to the bytes.
    public var name: String {
        switch self {
        case .file(let path): path
        case .bytes(_, let name): name
        }
    }
}
