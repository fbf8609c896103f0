import CZlib
import TrackwayCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open export file, plain or gzip-compressed, read in chunks.
///
/// zlib's `gzread` reads plain files unchanged, so one code path serves `.xml`, `.txt` and `.gz`.
///
/// ```swift
/// let file = try ExportFile(path: "blog.xml.gz")
/// let format = ExportFormat.detect(prefix: try file.peek(4096))
/// ```
public final class ExportFile {
    private let handle: gzFile
    private let path: String
    /// Decompressed bytes taken by `peek` and not yet handed to `read(into:)`.
    private var pushback: [UInt8] = []
    private var pushbackPosition = 0
    /// `bytesRead` as of the last read: it moves only when zlib reads, and asking zlib costs an
    /// `lseek` system call, which the importer would otherwise make for every record.
    private var offsetAfterLastRead: Int?

    /// The size of the file on disk.
    public let totalBytes: Int

    private static let bufferSize = 128 * 1024
    /// A `read(into:)` of at least this many bytes goes from the file (or the inflater) straight
    /// into the caller's buffer; smaller ones are copied through zlib's own buffer.
    static let directReadSize = 2 * bufferSize

    /// Opens `path`; throws `ImportError` naming the file when it cannot be opened.
    public init(path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, let handle = gzopen(path, "rb") else {
            throw ImportError(file: path, line: 0, message: "cannot open the file (\(String(cString: strerror(errno))))")
        }
        // A larger internal buffer halves the number of read(2) calls on big exports.
        gzbuffer(handle, UInt32(Self.bufferSize))
        self.handle = handle
        self.path = path
        totalBytes = Int(status.st_size)
    }

    deinit {
        gzclose(handle)
    }

    /// Compressed bytes consumed so far, for a progress bar against `totalBytes`.
    public var bytesRead: Int {
        if let offsetAfterLastRead { return offsetAfterLastRead }
        let offset = Int(gzoffset(handle))
        offsetAfterLastRead = offset
        return offset
    }

    /// The first `count` decompressed bytes (fewer when the file is shorter), without consuming them.
    public func peek(_ count: Int) throws -> [UInt8] {
        while pushback.count - pushbackPosition < count {
            var chunk = [UInt8](repeating: 0, count: count - (pushback.count - pushbackPosition))
            let got = try chunk.withUnsafeMutableBytes { try readFromZlib(into: $0) }
            if got == 0 { break }
            pushback.append(contentsOf: chunk[..<got])
        }
        return Array(pushback[pushbackPosition..<min(pushback.count, pushbackPosition + count)])
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
            return count
        }
        return try readFromZlib(into: buffer)
    }

    private func readFromZlib(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        offsetAfterLastRead = nil
        let got = gzread(handle, base, UInt32(min(buffer.count, Int(Int32.max))))
        if got < 0 {
            var code: Int32 = 0
            let message = gzerror(handle, &code).map { String(cString: $0) } ?? "read error"
            throw ImportError(file: path, line: 0, message: "cannot read the file: \(message)")
        }
        return Int(got)
    }
}
