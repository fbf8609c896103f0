import CSodium
import Foundation

/// The console's password hash: libsodium's argon2id (`crypto_pwhash_str`, its interactive
/// limits: 64 MiB and about a tenth of a second a try), stored as its self-describing string.
///
/// ```swift
/// let hash = try ConsolePassword.hash("correct horse")      // "$argon2id$v=19$m=65536,t=2,p=1$…"
/// ConsolePassword.verify("correct horse", against: hash)     // true
/// ```
public enum ConsolePassword {
    /// The hash to store for `password`; throws `ConsolePasswordError` for an empty password or
    /// when libsodium cannot hash (out of memory).
    public static func hash(_ password: String) throws(ConsolePasswordError) -> String {
        guard !password.isEmpty else { throw .empty }
        Sodium.ready()
        var output = [CChar](repeating: 0, count: Int(crypto_pwhash_strbytes()))
        let text = bytes(of: password)
        let status = crypto_pwhash_str_alg(
            &output, text, UInt64(text.count), UInt64(crypto_pwhash_opslimit_interactive()), crypto_pwhash_memlimit_interactive(),
            crypto_pwhash_ALG_ARGON2ID13
        )
        guard status == 0 else { throw .hashFailed }
        return String(decoding: output.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` is the one `hash` was made from. Slow on purpose (the hash's limits):
    /// call it off the event loops.
    public static func verify(_ password: String, against hash: String) -> Bool {
        Sodium.ready()
        let text = bytes(of: password)
        return crypto_pwhash_str_verify(hash, text, UInt64(text.count)) == 0
    }

    /// The password's UTF-8 bytes, every one of them (a NUL included), as C characters.
    private static func bytes(of password: String) -> [CChar] {
        password.utf8.map { CChar(bitPattern: $0) }
    }
}

/// Why a password could not be hashed.
public enum ConsolePasswordError: Error, Sendable, CustomStringConvertible {
    /// The owner gave an empty password, which would open the console to anyone.
    case empty
    /// libsodium could not hash (it needs 64 MiB).
    case hashFailed

    public var description: String {
        switch self {
        case .empty: "the password is empty"
        case .hashFailed: "the password could not be hashed (libsodium needs 64 MiB of memory)"
        }
    }
}
