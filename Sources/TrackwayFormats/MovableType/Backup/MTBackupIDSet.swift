/// The Movable Type object ids a backup's converter has met, a bit each: MT numbers each table's
/// rows densely, so a backup's entries or TrackBack targets take a 64-bit word per 64 ids where a
/// dictionary of them took tens of bytes per id and grew with the file.
///
/// ```swift
/// var entries = MTBackupIDSet()
/// entries.insert(10)
/// entries.contains(10)   // true
/// ```
struct MTBackupIDSet {
    private var words: [Int: UInt64] = [:]

    /// Adds `id` (a positive id, as `MTBackupObject.id` gives).
    mutating func insert(_ id: Int) {
        words[id >> 6, default: 0] |= Self.bit(id)
    }

    func contains(_ id: Int) -> Bool {
        (words[id >> 6] ?? 0) & Self.bit(id) != 0
    }

    private static func bit(_ id: Int) -> UInt64 {
        1 << UInt64(id & 63)
    }
}
