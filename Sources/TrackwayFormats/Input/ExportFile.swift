import CZlib
import TrackwayCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open export, plain or gzip-compressed, read in chunks: a file, bytes in memory, or one
/// entry of a zip archive.
///
/// zlib's `gzread` reads plain files unchanged, so one code path serves `.xml`, `.txt` and `.gz`;
/// bytes in memory are read the same way (`MemoryInput`), a zip entry from its archive
/// (`ZipEntryInput`), and everything above the source (peeking for the format, reading into the
/// readers' buffers) is shared.
///
/// ```swift
/// let file = try ExportFile(path: "blog.xml.gz")
/// let format = try ExportFormat.detect(file)   // reads ahead, then starts over
/// let upload = ExportFile(bytes: body, name: "upload.xml")
/// ```
public final class ExportFile {
    /// Where the bytes come from.
    private enum Source {
        case file(gzFile, path: String)
        case memory(MemoryInput)
        case zipEntry(ZipEntryInput)
        /// The current member of a tar archive, read through it.
        case tarMember(TarArchive, name: String)
    }

    private let source: Source
    /// Decompressed bytes taken by `peek` and not yet handed to `read(into:)`.
    private var pushback: [UInt8] = []
    private var pushbackPosition = 0
    /// `bytesRead` as of the last read: it moves only when the source reads, and asking zlib costs
    /// an `lseek` system call, which the importer would otherwise make for every record.
    private var offsetAfterLastRead: Int?
    /// True for a pipe (`/dev/stdin`, `<(xzcat blog.xml.xz)`): read once, front to back.
    public let isPipe: Bool
    /// Every byte a pipe gave before the first `rewind()`, which gives them again; nil for other
    /// sources, after that rewind, and once the format detection read past `replayLimit`.
    private var replay: [UInt8]?
    /// How far into a pipe the format detection may read (past a long prologue, to the root element).
    static let replayLimit = 8 << 20

    /// The size of the file on disk, of the bytes in memory, or of a zip entry's compressed data.
    public let totalBytes: Int

    /// Decompressed bytes handed to the reader so far: the size of the text the records read so
    /// far were made from, whatever the compression (`bytesRead` counts compressed bytes).
    public private(set) var bytesDecoded = 0

    private static let bufferSize = 128 * 1024
    /// A `read(into:)` of at least this many bytes goes from the file (or the inflater) straight
    /// into the caller's buffer; smaller ones are copied through zlib's own buffer.
    static let directReadSize = 2 * bufferSize

    /// Opens `path`, a file or a pipe; throws `ImportError` naming it when it cannot be opened.
    public init(path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw ImportError(file: path, line: 0, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        let kind = status.st_mode & S_IFMT
        guard kind == S_IFREG || kind == S_IFIFO else {
            let what = kind == S_IFDIR ? "a directory" : "neither a regular file nor a pipe"
            throw ImportError(file: path, line: 0, message: "cannot open the file (\(what))")
        }
        guard let handle = gzopen(path, "rb") else {
            throw ImportError(file: path, line: 0, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        // A larger internal buffer halves the number of read(2) calls on big exports.
        gzbuffer(handle, UInt32(Self.bufferSize))
        source = .file(handle, path: path)
        isPipe = kind == S_IFIFO
        replay = isPipe ? [] : nil
        // A pipe's length is unknown: progress then counts bytes without a share of a total.
        totalBytes = isPipe ? 0 : Int(status.st_size)
    }

    /// Reads `bytes` held in memory, plain or gzip-compressed as a file would be; errors and
    /// warnings call them `name`.
    public init(bytes: [UInt8], name: String) {
        source = .memory(MemoryInput(bytes: bytes, name: name))
        isPipe = false
        totalBytes = bytes.count
    }

    /// Opens `entry` inside its zip archive; errors and warnings call it `archive:entry`.
    public init(zipEntry entry: ZipEntry) throws {
        let input = try ZipEntryInput(entry: entry)
        source = .zipEntry(input)
        isPipe = false
        totalBytes = input.totalBytes
    }

    /// Reads the member `archive` is positioned at (after `nextMember()`), `size` bytes, which
    /// messages call `name`; it cannot be read again from its start.
    public init(tarMember archive: TarArchive, size: Int, name: String) {
        source = .tarMember(archive, name: name)
        isPipe = false
        totalBytes = size
    }

    /// Opens `input`, a file, bytes in memory or a zip entry.
    public convenience init(_ input: ExportInput) throws {
        switch input {
        case .file(let path): try self.init(path: path)
        case .bytes(let bytes, let name): self.init(bytes: bytes, name: name)
        case .zipEntry(let entry): try self.init(zipEntry: entry)
        }
    }

    deinit {
        if case .file(let handle, _) = source { gzclose(handle) }
    }

    /// Compressed bytes consumed so far, for a progress bar against `totalBytes`.
    public var bytesRead: Int {
        if let offsetAfterLastRead { return offsetAfterLastRead }
        let offset = switch source {
        // zlib finds a file's offset with lseek(2), which a pipe has not.
        case .file(let handle, _): isPipe ? bytesDecoded : Int(gzoffset(handle))
        case .memory(let memory): memory.consumed
        case .zipEntry(let entry): Int(clamping: entry.consumed)
        case .tarMember: bytesDecoded
        }
        offsetAfterLastRead = offset
        return offset
    }

    /// The first `count` decompressed bytes (fewer when the file is shorter), without consuming them.
    public func peek(_ count: Int) throws -> [UInt8] {
        while pushback.count - pushbackPosition < count {
            var chunk = [UInt8](repeating: 0, count: count - (pushback.count - pushbackPosition))
            let got = try chunk.withUnsafeMutableBytes { try readFromSource(into: $0) }
            if got == 0 { break }
            pushback.append(contentsOf: chunk[..<got])
        }
        return Array(pushback[pushbackPosition..<min(pushback.count, pushbackPosition + count)])
    }

    /// Starts reading again from the first byte, after format detection read ahead.
    func rewind() throws {
        pushback = []
        pushbackPosition = 0
        offsetAfterLastRead = nil
        bytesDecoded = 0
        switch source {
        case .memory(let memory):
            memory.rewind()
        case .zipEntry(let entry):
            entry.rewind()
        case .tarMember(_, let name):
            throw ImportError(file: name, line: 0, message: "a member of a tar archive cannot be read again from its start")
        case .file(_, let path) where isPipe:
            guard let replayed = replay else {
                throw ImportError(file: path, line: 0, message: "a pipe is read once, and its root element was not in its first \(Self.replayLimit >> 20) MB: save it to a file and import that")
            }
            pushback = replayed
            replay = nil
        case .file(let handle, let path):
            guard gzrewind(handle) == 0 else {
                throw ImportError(file: path, line: 0, message: "cannot read the file again from its start")
            }
        }
    }

    /// Fills `buffer` with the next decompressed bytes; returns how many, 0 at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if pushbackPosition < pushback.count {
            let count = min(buffer.count, pushback.count - pushbackPosition)
            pushback.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[pushbackPosition..<pushbackPosition + count]))
            }
            pushbackPosition += count
            if pushbackPosition == pushback.count {
                pushback = []
                pushbackPosition = 0
            }
            bytesDecoded += count
            return count
        }
        let count = try readFromSource(into: buffer)
        bytesDecoded += count
        return count
    }

    private func readFromSource(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        offsetAfterLastRead = nil
        switch source {
        case .memory(let memory):
            return try memory.read(into: buffer)
        case .zipEntry(let entry):
            return try entry.read(into: buffer)
        case .tarMember(let archive, _):
            return try archive.read(into: buffer)
        case .file(let handle, let path):
            let got = gzread(handle, base, UInt32(min(buffer.count, Int(Int32.max))))
            if got < 0 {
                var code: Int32 = 0
                let message = gzerror(handle, &code).map { String(cString: $0) } ?? "read error"
                throw ImportError(file: path, line: 0, message: "cannot read the file: \(message)")
            }
            // Taken out while it grows, so the append does not copy the whole array.
            if var recorded = replay.take(), recorded.count + Int(got) <= Self.replayLimit {
                recorded.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<Int(got)]))
                replay = recorded
            }
            return Int(got)
        }
    }
}
