import CZlib
import TrackwayCore

/// Export bytes held in memory, read the way zlib's `gzread` reads a file: bytes that start with
/// gzip's magic number are inflated member after member (anything after the last member is
/// ignored, and a member cut short ends the input), any other bytes are handed out as they are.
final class MemoryInput {
    private let bytes: [UInt8]
    private let name: String
    private let isCompressed: Bool
    /// The inflater of the gzip member being read, nil between members.
    private var member: Inflater?
    private var atEnd = false
    /// Bytes of the input consumed so far (compressed bytes when inflating).
    private(set) var consumed = 0

    private static let gzipMagic: [UInt8] = [0x1F, 0x8B]

    /// Reads `bytes`; `name` is what errors call them.
    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
        isCompressed = bytes.starts(with: Self.gzipMagic)
    }

    /// Fills `buffer` (not empty) with the next bytes; returns how many, 0 at the end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard isCompressed else {
            let count = min(buffer.count, bytes.count - consumed)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[consumed..<consumed + count]))
            }
            consumed += count
            return count
        }
        var produced = 0
        while produced == 0 && !atEnd {
            produced = try inflate(into: buffer)
        }
        return produced
    }

    /// Starts again from the first byte.
    func rewind() {
        member = nil
        consumed = 0
        atEnd = false
    }

    /// One call of zlib's inflate into `buffer`; returns the bytes it wrote.
    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let inflater = try currentMember() else {
            atEnd = true
            return 0
        }
        let step = bytes.withUnsafeBytes { inflater.step(from: UnsafeRawBufferPointer(rebasing: $0[consumed...]), into: buffer) }
        consumed += step.consumed
        let produced = step.produced
        switch step.code {
        case Z_OK:
            return produced
        case Z_STREAM_END:
            member = nil
            return produced
        case Z_BUF_ERROR:
            // No progress is possible: the input ends inside a member, which gzread takes as the end.
            atEnd = true
            return produced
        case Z_DATA_ERROR:
            throw failure(inflater.message ?? "compressed data error")
        case Z_MEM_ERROR:
            throw failure("out of memory")
        default:
            throw failure("internal error: inflate stream corrupt")
        }
    }

    /// The member being read, or a new one when gzip's magic follows the last; nil at the end.
    private func currentMember() throws -> Inflater? {
        if let member { return member }
        guard !atEnd, bytes[consumed...].starts(with: Self.gzipMagic) else { return nil }
        guard let started = Inflater(windowBits: 15 + 16) else { throw failure("out of memory") }
        member = started
        return started
    }

    /// The error a file gives for the same bytes (zlib names the file before its message).
    private func failure(_ message: String) -> ImportError {
        ImportError(file: name, line: 0, message: "cannot read the file: \(name): \(message)")
    }
}
