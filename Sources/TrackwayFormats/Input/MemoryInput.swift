import CZlib
import TrackwayCore

/// Export bytes held in memory, read the way zlib's `gzread` reads a file: bytes that start with
/// gzip's magic number are inflated member after member (anything after the last member is
/// ignored, and a member cut short ends the input), any other bytes are handed out as they are.
final class MemoryInput {
    private let bytes: [UInt8]
    private let name: String
    private let isCompressed: Bool
    /// The inflater of the gzip member being read, nil between members. zlib keeps a pointer back
    /// to its stream, so the stream lives at one address.
    private var stream: UnsafeMutablePointer<z_stream>?
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

    deinit {
        endMember()
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
        endMember()
        consumed = 0
        atEnd = false
    }

    /// One call of zlib's inflate into `buffer`; returns the bytes it wrote.
    private func inflate(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let stream = try currentMember(), let output = buffer.baseAddress else {
            atEnd = true
            return 0
        }
        let offered = min(bytes.count - consumed, Int(UInt32.max))
        let room = min(buffer.count, Int(UInt32.max))
        let code = bytes.withUnsafeBufferPointer { input -> Int32 in
            // zlib reads through next_in without writing; its C type is just not const.
            stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0 + consumed) }
            stream.pointee.avail_in = UInt32(offered)
            stream.pointee.next_out = output.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = UInt32(room)
            return CZlib.inflate(stream, Z_NO_FLUSH)
        }
        consumed += offered - Int(stream.pointee.avail_in)
        let produced = room - Int(stream.pointee.avail_out)
        switch code {
        case Z_OK:
            return produced
        case Z_STREAM_END:
            endMember()
            return produced
        case Z_BUF_ERROR:
            // No progress is possible: the input ends inside a member, which gzread takes as the end.
            atEnd = true
            return produced
        case Z_DATA_ERROR:
            throw failure(stream.pointee.msg.map { String(cString: $0) } ?? "compressed data error")
        case Z_MEM_ERROR:
            throw failure("out of memory")
        default:
            throw failure("internal error: inflate stream corrupt")
        }
    }

    /// The member being read, or a new one when gzip's magic follows the last; nil at the end.
    private func currentMember() throws -> UnsafeMutablePointer<z_stream>? {
        if let stream { return stream }
        guard !atEnd, bytes[consumed...].starts(with: Self.gzipMagic) else { return nil }
        let started = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        started.initialize(to: z_stream())
        // 15 + 16: the largest window, gzip wrapping only, as gzread asks.
        guard inflateInit2_(started, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            started.deallocate()
            throw failure("out of memory")
        }
        stream = started
        return started
    }

    private func endMember() {
        guard let stream else { return }
        inflateEnd(stream)
        stream.deallocate()
        self.stream = nil
    }

    /// The error a file gives for the same bytes (zlib names the file before its message).
    private func failure(_ message: String) -> ImportError {
        ImportError(file: name, line: 0, message: "cannot read the file: \(name): \(message)")
    }
}
