/// The XXH64 hash function (Yann Collet's xxHash, 64-bit variant) over a byte buffer, at once or
/// in pieces.
///
/// ```swift
/// Array("abc".utf8).withUnsafeBytes { XXH64.hash($0, seed: 0) }   // 0x44BC2CF5AD770999
/// ```
public enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var state = State(seed: seed)
        state.update(bytes)
        return state.digest()
    }

    /// XXH64 over bytes that arrive in pieces: `digest()` is `hash` of all of them at once.
    ///
    /// ```swift
    /// var state = XXH64.State(seed: 0)
    /// Array("ab".utf8).withUnsafeBytes { state.update($0) }
    /// Array("c".utf8).withUnsafeBytes { state.update($0) }
    /// state.digest()   // 0x44BC2CF5AD770999, as for "abc"
    /// ```
    struct State {
        private let seed: UInt64
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        private var length = 0
        /// The bytes after the last whole 32-byte stripe, not folded into the lanes yet.
        private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var pendingCount = 0

        init(seed: UInt64) {
            self.seed = seed
            lanes = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
        }

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            length += bytes.count
            var offset = 0
            if pendingCount > 0 {
                offset = min(32 - pendingCount, bytes.count)
                let start = pendingCount
                withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: start).copyMemory(from: base, byteCount: offset) }
                pendingCount += offset
                guard pendingCount == 32 else { return }
                let stripe = pending
                withUnsafeBytes(of: stripe) { fold($0, at: 0) }
                pendingCount = 0
            }
            while offset + 32 <= bytes.count {
                fold(bytes, at: offset)
                offset += 32
            }
            if offset < bytes.count {
                pendingCount = bytes.count - offset
                let count = pendingCount
                withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base.advanced(by: offset), byteCount: count) }
            }
        }

        func digest() -> UInt64 {
            var result: UInt64
            if length >= 32 {
                let (v1, v2, v3, v4) = lanes
                result = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
                for lane in [v1, v2, v3, v4] {
                    result = (result ^ round(0, lane)) &* prime1 &+ prime4
                }
            } else {
                result = seed &+ prime5
            }
            result &+= UInt64(length)
            let tailLength = pendingCount
            withUnsafeBytes(of: pending) { tail in
                var offset = 0
                while offset + 8 <= tailLength {
                    result ^= round(0, word(tail, offset))
                    result = rotate(result, 27) &* prime1 &+ prime4
                    offset += 8
                }
                if offset + 4 <= tailLength {
                    let half = UInt32(littleEndian: tail.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                    result ^= UInt64(half) &* prime1
                    result = rotate(result, 23) &* prime2 &+ prime3
                    offset += 4
                }
                while offset < tailLength {
                    result ^= UInt64(tail[offset]) &* prime5
                    result = rotate(result, 11) &* prime1
                    offset += 1
                }
            }
            result ^= result >> 33
            result &*= prime2
            result ^= result >> 29
            result &*= prime3
            result ^= result >> 32
            return result
        }

        private mutating func fold(_ bytes: UnsafeRawBufferPointer, at offset: Int) {
            lanes.0 = round(lanes.0, word(bytes, offset))
            lanes.1 = round(lanes.1, word(bytes, offset + 8))
            lanes.2 = round(lanes.2, word(bytes, offset + 16))
            lanes.3 = round(lanes.3, word(bytes, offset + 24))
        }
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 {
        (value << count) | (value >> (64 - count))
    }
}
