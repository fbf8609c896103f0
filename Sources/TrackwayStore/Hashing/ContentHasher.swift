/// Builds the canonical byte form of a record and fingerprints it.
///
/// Every string is written as its UTF-8 length then its bytes, every list as its count then its
/// items, so no two different records share a byte form. The bytes are hashed as they come, in
/// pieces of about `stagedBytes` (a longer string where it lies), so a post's long body or the
/// hashes of its hundreds of thousands of comments never sit in memory as one byte form. The
/// staging buffer is kept between records so hashing does not allocate.
///
/// ```swift
/// var hasher = ContentHasher()
/// hasher.begin("author")
/// hasher.add(author.login)
/// let hash = hasher.finish()
/// ```
struct ContentHasher {
    /// Bytes staged before they are hashed.
    static let stagedBytes = 1 << 16

    private var bytes: [UInt8] = []
    private var first = XXH64.State(seed: 0)
    private var second = XXH64.State(seed: ContentHash.secondSeed)

    /// Starts a new record; `tag` keeps different record kinds and layout versions apart.
    mutating func begin(_ tag: String) {
        bytes.removeAll(keepingCapacity: true)
        first = XXH64.State(seed: 0)
        second = XXH64.State(seed: ContentHash.secondSeed)
        add(tag)
    }

    mutating func add(_ text: String) {
        add(text.utf8.count)
        guard text.utf8.count >= Self.stagedBytes else {
            bytes.append(contentsOf: text.utf8)
            if bytes.count >= Self.stagedBytes { hashStaged() }
            return
        }
        // A long body is hashed where it lies, not copied.
        hashStaged()
        var text = text
        text.withUTF8 { body in
            first.update(UnsafeRawBufferPointer(body))
            second.update(UnsafeRawBufferPointer(body))
        }
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
        if bytes.count >= Self.stagedBytes { hashStaged() }
    }

    mutating func finish() -> ContentHash {
        hashStaged()
        return ContentHash(high: first.digest(), low: second.digest())
    }

    private mutating func hashStaged() {
        bytes.withUnsafeBytes { staged in
            first.update(staged)
            second.update(staged)
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
