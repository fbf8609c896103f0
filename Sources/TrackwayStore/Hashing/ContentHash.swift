/// A 128-bit fingerprint of a record's canonical bytes, stable across processes and machines.
///
/// Swift's `Hasher` is seeded per process, so it cannot tell a re-import that nothing changed.
/// This is XXH64 run twice with different seeds: fast enough to hash every post body of a
/// 200 MB export in a few tens of milliseconds, and wide enough that a changed record is never
/// mistaken for an unchanged one in practice.
///
/// ```swift
/// var hasher = ContentHasher()
/// hasher.begin("author")
/// hasher.add(author.login)
/// hasher.finish().hex   // 32 lower-case hex digits
/// ```
struct ContentHash: Equatable, Sendable {
    var high: UInt64
    var low: UInt64

    /// The seed of `low`; `high` is XXH64 with seed 0.
    static let secondSeed: UInt64 = 0x9E37_79B9_7F4A_7C15

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The hash as 32 lower-case hex digits, the form kept in `content_hash` columns.
    var hex: String {
        // Digits computed, not looked up in a table: each record's hash built two arrays.
        String(unsafeUninitializedCapacity: 32) { output in
            Self.write(high, into: output, at: 0)
            Self.write(low, into: output, at: 16)
            return 32
        }
    }

    private static func write(_ word: UInt64, into output: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        for nibble in 0..<16 {
            let value = UInt8(truncatingIfNeeded: word >> UInt64(60 - nibble * 4)) & 0xF
            output[start + nibble] = value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") - 10 + value
        }
    }
}
