import TrackwayCore

/// Builds the canonical byte form of a record and fingerprints it.
///
/// Every string is written as its UTF-8 length then its bytes, every list as its count then its
/// items, so no two different records share a byte form. The buffer is kept between records so
/// hashing a post body does not allocate.
///
/// ```swift
/// var hasher = ContentHasher()
/// hasher.begin("author")
/// hasher.add(author.login)
/// let hash = hasher.finish()
/// ```
struct ContentHasher {
    private var bytes: [UInt8] = []

    /// Starts a new record; `tag` keeps different record kinds and layout versions apart.
    mutating func begin(_ tag: String) {
        bytes.removeAll(keepingCapacity: true)
        add(tag)
    }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        bytes.append(contentsOf: text.utf8)
    }

    mutating func add(_ number: Int) {
        withUnsafeBytes(of: Int64(number).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ number: Int?) {
        add(number == nil)
        add(number ?? 0)
    }

    mutating func add(_ flag: Bool) {
        bytes.append(flag ? 1 : 0)
    }

    mutating func add(_ hash: ContentHash) {
        withUnsafeBytes(of: hash.high.littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: hash.low.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func add(_ texts: [String]) {
        add(texts.count)
        for text in texts { add(text) }
    }

    mutating func add(_ entries: [MetaEntry]) {
        add(entries.count)
        for entry in entries {
            add(entry.key)
            add(entry.value)
        }
    }

    func finish() -> ContentHash {
        ContentHash(bytes: bytes)
    }
}
