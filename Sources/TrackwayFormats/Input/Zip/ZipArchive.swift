import TrackwayCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The entries of a `.zip` export (WordPress.com's), listed from its central directory at the end
/// of the file, Zip64 included; nothing is unpacked.
///
/// Only what an export holds is listed: files stored or deflated, not encrypted, not archives
/// themselves, with relative paths that stay inside the archive. Anything else refuses the whole
/// archive before a byte of it is imported, naming the archive and the entry.
///
/// ```swift
/// if try ZipArchive.isArchive(path: "site.zip") {
///     let entries = try ZipArchive.entries(path: "site.zip")   // in name order
/// }
/// ```
public enum ZipArchive {
    /// Whether the file at `path` starts as a zip archive does (a local header, or the end of an
    /// empty archive's central directory); false for a file that cannot be read.
    public static func isArchive(path: String) -> Bool {
        guard let file = try? ZipFileHandle(path: path, name: path) else { return false }
        guard let head = try? file.bytes(at: 0, count: 4) else { return false }
        return isArchive(head: head)
    }

    /// True when `head`, a file's first bytes, opens a zip archive (a local file header, or the
    /// end record of an empty archive).
    static func isArchive(head: [UInt8]) -> Bool {
        head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
    }

    /// The files of the archive at `path`, in name order (directories left out); throws
    /// `ImportError` naming the archive, and the entry when one is refused.
    public static func entries(path: String) throws -> [ZipEntry] {
        let file = try ZipFileHandle(path: path, name: path)
        let directory = try ZipCentralDirectory(file: file, archive: path)
        var entries: [ZipEntry] = []
        var offset = directory.offset
        for _ in 0..<directory.count {
            let (entry, isEncrypted, next) = try centralHeader(in: file, at: offset, archive: path)
            offset = next
            if entry.name.hasSuffix("/") { continue }
            try refuseIfForeign(entry, isEncrypted: isEncrypted)
            entries.append(entry)
        }
        guard !entries.isEmpty else { throw ImportError(file: path, line: 0, message: "the zip archive holds no files") }
        return entries.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    /// Extensions of archives and compressed files, which an export never holds.
    static let archiveExtensions: Set<String> = ["zip", "gz", "tgz", "tar", "bz2", "tbz", "xz", "txz", "7z", "rar", "zst", "lz", "lzma", "z"]

    /// One central directory header at `offset`: the entry, whether it is encrypted, and where the next header starts.
    private static func centralHeader(in file: ZipFileHandle, at offset: UInt64, archive: String) throws -> (ZipEntry, Bool, UInt64) {
        let header = try file.bytes(at: offset, count: 46)
        guard header.uint32(at: 0) == 0x0201_4B50 else {
            throw ImportError(file: archive, line: 0, message: "the zip archive's central directory is damaged at byte \(offset)")
        }
        let nameLength = UInt64(header.uint16(at: 28))
        let extraLength = UInt64(header.uint16(at: 30))
        let commentLength = UInt64(header.uint16(at: 32))
        let nameBytes = try file.bytes(at: offset + 46, count: Int(nameLength))
        let extra = try file.bytes(at: offset + 46 + nameLength, count: Int(extraLength))
        var entry = ZipEntry(
            archive: archive, name: String(decoding: nameBytes, as: UTF8.self),
            method: header.uint16(at: 10), crc32: header.uint32(at: 16),
            compressedSize: UInt64(header.uint32(at: 20)), uncompressedSize: UInt64(header.uint32(at: 24)),
            localHeaderOffset: UInt64(header.uint32(at: 42))
        )
        try applyZip64Extra(extra, to: &entry)
        let isEncrypted = header.uint16(at: 8) & 0x0001 != 0
        return (entry, isEncrypted, offset + 46 + nameLength + extraLength + commentLength)
    }

    /// Takes the 64-bit sizes and offset from the Zip64 extra field (id 1), which holds, in this
    /// order, those of the uncompressed size, compressed size and offset whose 32-bit field is all ones.
    private static func applyZip64Extra(_ extra: [UInt8], to entry: inout ZipEntry) throws {
        let saturated = UInt64(UInt32.max)
        var position = 0
        while position + 4 <= extra.count {
            let id = extra.uint16(at: position)
            let size = Int(extra.uint16(at: position + 2))
            let end = position + 4 + size
            guard end <= extra.count else { break }
            if id == 0x0001 {
                var field = position + 4
                func next() throws -> UInt64 {
                    guard field + 8 <= end else {
                        throw ImportError(file: entry.displayName, line: 0, message: "the entry's Zip64 extra field is too short")
                    }
                    defer { field += 8 }
                    return extra.uint64(at: field)
                }
                if entry.uncompressedSize == saturated { entry.uncompressedSize = try next() }
                if entry.compressedSize == saturated { entry.compressedSize = try next() }
                if entry.localHeaderOffset == saturated { entry.localHeaderOffset = try next() }
            }
            position = end
        }
    }

    private static func refuseIfForeign(_ entry: ZipEntry, isEncrypted: Bool) throws {
        func refuse(_ message: String) -> ImportError {
            ImportError(file: entry.displayName, line: 0, message: message)
        }
        let components = entry.name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        if entry.name.hasPrefix("/") || entry.name.hasPrefix("\\") || entry.name.dropFirst().hasPrefix(":") {
            throw refuse("the entry has an absolute path; an export's entries are relative names")
        }
        if components.contains("..") {
            throw refuse("the entry's path leads out of the archive with '..'")
        }
        if let last = components.last, let dot = last.lastIndex(of: "."),
           archiveExtensions.contains(last[last.index(after: dot)...].lowercased()) {
            throw refuse("the entry is itself an archive or compressed file; an export's archive holds only WXR or Movable Type files")
        }
        if isEncrypted {
            throw refuse("the entry is encrypted; Trackway reads only unencrypted archives")
        }
        guard entry.method == 0 || entry.method == 8 else {
            throw refuse("the entry is compressed with method \(entry.method); Trackway reads stored (0) and deflated (8) entries")
        }
    }
}
