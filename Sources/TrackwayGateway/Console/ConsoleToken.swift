import CSodium

/// The console's secrets as text: session ids and CSRF tokens (32 random bytes from libsodium,
/// in hex), the hash a session is stored under, and the compare that takes the same time
/// wherever two tokens differ.
///
/// ```swift
/// let id = ConsoleToken.random()                  // 64 hex digits, for the cookie
/// let stored = ConsoleToken.hash(id)              // what the database keeps
/// ConsoleToken.equal(form["csrf"], session.csrf)  // constant time
/// ```
enum ConsoleToken {
    private static let byteCount = 32

    /// 32 bytes from libsodium's CSPRNG, as 64 lower-case hex digits.
    static func random() -> String {
        hex(randomKey())
    }

    /// The BLAKE2b hash of `token` (keyed with `key` when one is given), 32 bytes in hex.
    static func hash(_ token: String, key: [UInt8] = []) -> String {
        Sodium.ready()
        var output = [UInt8](repeating: 0, count: byteCount)
        let input = Array(token.utf8)
        crypto_generichash(&output, output.count, input, UInt64(input.count), key.isEmpty ? nil : key, key.count)
        return hex(output)
    }

    /// Whether two tokens are equal, in a time that depends only on their length.
    static func equal(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8), b = Array(expected.utf8)
        guard a.count == b.count, !b.isEmpty else { return false }
        return sodium_memcmp(a, b, a.count) == 0
    }

    /// Whether `text` has the shape of a token this type makes (64 hex digits).
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == byteCount * 2 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// 32 random bytes: a key for MACs that live as long as the process.
    static func randomKey() -> [UInt8] {
        Sodium.ready()
        var bytes = [UInt8](repeating: 0, count: byteCount)
        randombytes_buf(&bytes, bytes.count)
        return bytes
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
