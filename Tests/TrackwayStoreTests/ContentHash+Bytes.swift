@testable import TrackwayStore

extension ContentHash {
    /// The hash of `bytes` taken at once: the reference the tests compare `ContentHasher`'s
    /// streamed hashes and earlier versions' stored ones with.
    init(bytes: [UInt8]) {
        self.init(
            high: bytes.withUnsafeBytes { XXH64.hash($0, seed: 0) },
            low: bytes.withUnsafeBytes { XXH64.hash($0, seed: ContentHash.secondSeed) }
        )
    }
}
