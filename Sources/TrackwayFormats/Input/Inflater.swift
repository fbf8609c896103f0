import CZlib

/// One zlib inflate stream, ended when released: the gzip members of exports held in memory
/// (`MemoryInput`) and the deflated entries of zip archives (`ZipEntryInput`). The stream lives at
/// one address, as zlib keeps a pointer back to it.
///
/// ```swift
/// guard let inflater = Inflater(windowBits: -15) else { throw … }   // raw deflate
/// let step = input.withUnsafeBytes { inflater.step(from: $0, into: output) }
/// ```
final class Inflater {
    /// What one call of zlib's `inflate` did: its return code, and the bytes it took and gave.
    struct Step {
        var code: Int32
        var consumed: Int
        var produced: Int
    }

    private let stream: UnsafeMutablePointer<z_stream>

    /// A stream for `windowBits` as `inflateInit2` takes them (15 + 16: gzip wrapping only, as
    /// gzread asks; -15: raw deflate, as zip stores it); nil when zlib cannot allocate one.
    init?(windowBits: Int32) {
        let started = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        started.initialize(to: z_stream())
        guard inflateInit2_(started, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            started.deallocate()
            return nil
        }
        stream = started
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    /// zlib's description of the last error, if it gave one.
    var message: String? { stream.pointee.msg.map { String(cString: $0) } }

    /// Starts a new stream with the same settings.
    func reset() {
        inflateReset(stream)
    }

    /// One call of `inflate` from `input` into `output` (each capped at what zlib's 32-bit counts hold).
    func step(from input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        let offered = min(input.count, Int(UInt32.max))
        let room = min(output.count, Int(UInt32.max))
        // zlib reads through next_in without writing; its C type is just not const.
        stream.pointee.next_in = input.baseAddress.map { UnsafeMutablePointer(mutating: $0.assumingMemoryBound(to: Bytef.self)) }
        stream.pointee.avail_in = UInt32(offered)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(room)
        let code = inflate(stream, Z_NO_FLUSH)
        return Step(code: code, consumed: offered - Int(stream.pointee.avail_in), produced: room - Int(stream.pointee.avail_out))
    }
}
