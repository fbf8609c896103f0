import CZlib
import TrackwayCore

/// One entry of a zip archive read in chunks, straight from the archive: stored bytes as they
/// are, deflated ones through zlib's raw inflate. The bytes are checked against the central
/// directory as they pass: more than its uncompressed size stops the read at once, and at the
/// end the size and the CRC-32 must match.
final class ZipEntryInput {
    private let entry: ZipEntry
    private let file: ZipFileHandle
    /// Where the entry's data starts, past its local header.
    private let dataOffset: UInt64
    /// The raw inflater of a deflated entry.
    private let inflater: Inflater?
    /// Compressed bytes read from the archive and not yet inflated.
    private var inputBuffer: [UInt8]
    private var inputPosition = 0
    private var inputCount = 0
    private var crc: UInt = 0
    private var produced: UInt64 = 0
    private var atEnd = false
    /// Compressed bytes taken from the archive so far.
    private(set) var consumed: UInt64 = 0

    private static let inputSize = 64 * 1024

    /// Opens `entry` in its archive.
    init(entry: ZipEntry) throws {
        self.entry = entry
        file = try ZipFileHandle(path: entry.archive, name: entry.archive)
        let header = try file.bytes(at: entry.localHeaderOffset, count: 30)
        guard header.uint32(at: 0) == 0x0403_4B50 else {
            throw ImportError(file: entry.displayName, line: 0, message: "the entry's local header is missing where the central directory points")
        }
        dataOffset = entry.localHeaderOffset + 30 + UInt64(header.uint16(at: 26)) + UInt64(header.uint16(at: 28))
        guard dataOffset + entry.compressedSize <= file.size else {
            throw ImportError(file: entry.displayName, line: 0, message: "the entry's data runs past the end of the archive")
        }
        if entry.method == 8 {
            // Negative window bits: raw deflate, no zlib or gzip wrapping, as zip stores it.
            guard let started = Inflater(windowBits: -15) else {
                throw ImportError(file: entry.displayName, line: 0, message: "cannot read the entry: out of memory")
            }
            inflater = started
            inputBuffer = [UInt8](repeating: 0, count: Self.inputSize)
        } else {
            inflater = nil
            inputBuffer = []
        }
    }

    /// The compressed size, for a progress bar against `consumed`.
    var totalBytes: Int { Int(clamping: entry.compressedSize) }

    /// Starts again from the entry's first byte.
    func rewind() {
        inflater?.reset()
        inputPosition = 0
        inputCount = 0
        crc = 0
        produced = 0
        consumed = 0
        atEnd = false
    }

    /// Fills `buffer` (not empty) with the entry's next bytes; returns how many, 0 at its end.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !atEnd, let base = buffer.baseAddress else { return 0 }
        let got = try inflater.map { try inflate(with: $0, into: buffer) } ?? readStored(into: buffer)
        crc = CZlib.crc32(crc, base.assumingMemoryBound(to: Bytef.self), UInt32(got))
        produced += UInt64(got)
        if produced > entry.uncompressedSize {
            throw failure("the entry holds more than the \(entry.uncompressedSize) bytes the archive's central directory states")
        }
        if atEnd { try checkEnd() }
        return got
    }

    private func readStored(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let remaining = entry.compressedSize - consumed
        let wanted = Int(min(UInt64(buffer.count), remaining))
        let got = try file.read(at: dataOffset + consumed, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<wanted]))
        if got == 0 && wanted > 0 { throw failure("the entry's data ends early") }
        consumed += UInt64(got)
        atEnd = consumed == entry.compressedSize
        return got
    }

    /// Inflates until some bytes come out or the deflate stream ends.
    private func inflate(with inflater: Inflater, into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            if inputPosition == inputCount && consumed < entry.compressedSize {
                try refill()
            }
            let step = inputBuffer.withUnsafeBytes {
                inflater.step(from: UnsafeRawBufferPointer(rebasing: $0[inputPosition..<inputCount]), into: buffer)
            }
            inputPosition += step.consumed
            let got = step.produced
            switch step.code {
            case Z_STREAM_END:
                atEnd = true
                return got
            case Z_OK where got > 0:
                return got
            case Z_OK, Z_BUF_ERROR:
                if inputPosition == inputCount && consumed == entry.compressedSize {
                    throw failure("the entry's deflated data ends before its last block")
                }
            case Z_MEM_ERROR:
                throw failure("out of memory")
            default:
                throw failure(inflater.message ?? "deflated data error")
            }
        }
    }

    private func refill() throws {
        let wanted = Int(min(UInt64(inputBuffer.count), entry.compressedSize - consumed))
        let offset = dataOffset + consumed
        let got = try inputBuffer.withUnsafeMutableBytes {
            try file.read(at: offset, into: UnsafeMutableRawBufferPointer(rebasing: $0[..<wanted]))
        }
        if got == 0 { throw failure("the entry's data ends early") }
        consumed += UInt64(got)
        inputPosition = 0
        inputCount = got
    }

    private func checkEnd() throws {
        if produced != entry.uncompressedSize {
            throw failure("the entry holds \(produced) bytes, not the \(entry.uncompressedSize) the archive's central directory states")
        }
        if UInt32(truncatingIfNeeded: crc) != entry.crc32 {
            throw failure("the entry's CRC-32 does not match its bytes (the archive is damaged)")
        }
    }

    private func failure(_ message: String) -> ImportError {
        ImportError(file: entry.displayName, line: 0, message: "cannot read the entry: \(message)")
    }
}
