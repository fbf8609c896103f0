import Testing
import TrackwayCore
@testable import TrackwayStore

@Suite("Content hashes")
struct ContentHashTests {
    // Reference values of XXH64 with seed 0, as published with xxHash.
    @Test("XXH64 matches the reference implementation's values", arguments: [
        ("", UInt64(0xEF46_DB37_51D8_E999)),
        ("a", UInt64(0xD24E_C4F1_A98C_6E5B)),
        ("abc", UInt64(0x44BC_2CF5_AD77_0999)),
    ])
    func xxh64ReferenceValues(input: String, expected: UInt64) {
        let hash = Array(input.utf8).withUnsafeBytes { XXH64.hash($0, seed: 0) }
        #expect(hash == expected)
    }

    // Databases keep these hashes between versions: a re-import compares the stored hash with a
    // fresh one, so any change to the hash function or a record's byte form would report every
    // record of every earlier import as updated. Pinned from the implementation as shipped.
    @Test("hashes stay what earlier versions stored: bytes, a comment, and a post with it")
    func hashesAreStableAcrossVersions() {
        #expect(ContentHash(bytes: Array("abc".utf8)).hex == "44bc2cf5ad7709992ed0f59d6b43ac8b")
        var comment = Comment(sourceID: "7")
        comment.author = "Ann"
        comment.content = "Café ✓"
        var hasher = ContentHasher()
        let commentHash = hasher.hash(comment)
        #expect(commentHash.hex == "6f889c543e2519023b713b39fdb32dad")
        var post = Post(sourceID: "42")
        post.title = "Spring tides"
        post.content = String(repeating: "Lorem ipsum dolor sit amet. ", count: 10)
        post.meta = [MetaEntry(key: "_edit_last", value: "1")]
        #expect(hasher.hash(post, commentHashes: [commentHash]).hex == "858d1882710e579aabd43db1aee20342")
    }

    @Test("XXH64 fed in pieces equals XXH64 of the whole, wherever the cuts fall")
    func xxh64InPieces() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 7, 31, 32, 33, 63, 64, 65, 100, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            for seed in [UInt64(0), ContentHash.secondSeed] {
                let whole = bytes.withUnsafeBytes { XXH64.hash($0, seed: seed) }
                for _ in 0..<20 {
                    var state = XXH64.State(seed: seed)
                    var start = 0
                    while start < length {
                        let end = min(length, start + Int.random(in: 0...40, using: &generator))
                        bytes[start..<end].withUnsafeBytes { state.update($0) }
                        start = end
                    }
                    #expect(state.digest() == whole, "length \(length)")
                }
            }
        }
    }

    @Test("a record longer than the staging buffer hashes as its whole byte form: a long body, many comment hashes")
    func longRecordHashesAsItsBytes() {
        let body = String(repeating: "Lorem ipsum dolor sit amet, café. ", count: 4000)
        let commentHashes = (0..<5000).map { ContentHash(bytes: Array("comment \($0)".utf8)) }
        var hasher = ContentHasher()
        hasher.begin("t")
        hasher.add(body)
        for hash in commentHashes { hasher.add(hash) }
        hasher.add("end")
        // The byte form written out by hand: each string as its 8-byte little-endian length, then its UTF-8.
        var bytes: [UInt8] = []
        func append(_ text: String) {
            withUnsafeBytes(of: Int64(text.utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: text.utf8)
        }
        append("t")
        append(body)
        for hash in commentHashes {
            withUnsafeBytes(of: hash.high.littleEndian) { bytes.append(contentsOf: $0) }
            withUnsafeBytes(of: hash.low.littleEndian) { bytes.append(contentsOf: $0) }
        }
        append("end")
        #expect(bytes.count > 2 * ContentHasher.stagedBytes)
        #expect(hasher.finish() == ContentHash(bytes: bytes))
    }

    @Test("a one-byte change anywhere in a long body changes the hash")
    func changesAreSeen() {
        let body = Array(String(repeating: "Lorem ipsum dolor sit amet. ", count: 200).utf8)
        let original = ContentHash(bytes: body)
        for position in [0, 31, 32, 1000, body.count - 1] {
            var changed = body
            changed[position] ^= 1
            #expect(ContentHash(bytes: changed) != original)
        }
    }

    @Test("field boundaries are part of the hash")
    func boundariesMatter() {
        var hasher = ContentHasher()
        hasher.begin("test")
        hasher.add("ab")
        hasher.add("c")
        let first = hasher.finish()
        hasher.begin("test")
        hasher.add("a")
        hasher.add("bc")
        #expect(hasher.finish() != first)
    }

    @Test("the hex form is 32 lower-case hex digits")
    func hexForm() {
        let hex = ContentHash(bytes: Array("abc".utf8)).hex
        #expect(hex.count == 32)
        #expect(hex.hasPrefix("44bc2cf5ad770999"))
    }
}
