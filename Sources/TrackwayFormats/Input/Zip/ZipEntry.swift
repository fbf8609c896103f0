/// One file inside a `.zip` export, as its archive's central directory describes it.
///
/// ```swift
/// for entry in try ZipArchive.entries(path: "site.zip") {
///     print(entry.displayName)   // "site.zip:site.wordpress.2024-01-01.000.xml"
/// }
/// ```
public struct ZipEntry: Sendable, Equatable {
    /// The archive's path, as the user typed it.
    public var archive: String
    /// The entry's name inside the archive.
    public var name: String
    /// 0 (stored) or 8 (deflate): the only methods read.
    var method: UInt16
    /// The entry's CRC-32, checked against the bytes it inflates to.
    var crc32: UInt32
    /// The stored (compressed) size in bytes.
    var compressedSize: UInt64
    /// The size the central directory states once inflated, checked against the bytes read.
    var uncompressedSize: UInt64
    /// Where the entry's local header starts in the archive.
    var localHeaderOffset: UInt64

    /// What errors and warnings call the entry: `site.zip:entry.xml`.
    public var displayName: String { "\(archive):\(name)" }
}
