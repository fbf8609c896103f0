/// The lookup key under which a legacy URL resolves to a post.
///
/// Old links reach a post with or without `www.`, over http or https, with or without a trailing
/// slash, so all of those spellings share one key: the lower-cased host without `www.` and
/// without a default port, then the path without its trailing slash, then the query.
///
/// ```swift
/// LegacyURLKey("https://www.Example.com/2009/01/hello/").value  // "example.com/2009/01/hello"
/// LegacyURLKey("http://example.com/?p=12").value                // "example.com/?p=12"
/// ```
public struct LegacyURLKey: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    /// Normalises `url`; returns nil when it has no `http`/`https` scheme and host.
    public init?(_ url: String) {
        // Works on the UTF-8 bytes in place: this runs for every URL of every imported post.
        var url = url
        guard let value = url.withUTF8(Self.key) else { return nil }
        self.value = value
    }

    private init(normalised value: String) {
        self.value = value
    }

    /// The key without its query (`example.com/2009/01/hello?utm_source=feed` becomes
    /// `example.com/2009/01/hello`, `example.com/?p=12` becomes `example.com`); nil without one.
    public var withoutQuery: LegacyURLKey? {
        guard let query = value.firstIndex(of: "?") else { return nil }
        var bare = value[..<query]
        // Only a bare root keeps its slash before a query.
        if bare.hasSuffix("/") { bare = bare.dropLast() }
        return LegacyURLKey(normalised: String(bare))
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var start = 0
        var end = bytes.count
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        while start < end, isSpace(bytes[start]) { start += 1 }
        guard let schemeEnd = firstSchemeSeparator(in: bytes, from: start, to: end),
              spells("http", bytes, start, schemeEnd) || spells("https", bytes, start, schemeEnd) else { return nil }
        let hostStart = schemeEnd + 3
        if let hash = bytes[hostStart..<end].firstIndex(of: 0x23) { end = hash }
        let hostEnd = bytes[hostStart..<end].firstIndex(where: { $0 == 0x2F || $0 == 0x3F }) ?? end
        var hostFrom = hostStart
        var hostTo = hostEnd
        if let at = bytes[hostFrom..<hostTo].lastIndex(of: 0x40) { hostFrom = at + 1 }
        for port in [":80", ":443"] where hostTo - hostFrom > port.utf8.count
            && spells(port, bytes, hostTo - port.utf8.count, hostTo) {
            hostTo -= port.utf8.count
        }
        if hostTo - hostFrom >= 4, spells("www.", bytes, hostFrom, hostFrom + 4) { hostFrom += 4 }
        guard hostTo > hostFrom else { return nil }
        let queryStart = bytes[hostEnd..<end].firstIndex(of: 0x3F) ?? end
        var pathEnd = queryStart
        while pathEnd > hostEnd, bytes[pathEnd - 1] == 0x2F { pathEnd -= 1 }
        let hasQuery = end - queryStart > 1
        let capacity = (hostTo - hostFrom) + (pathEnd - hostEnd) + (hasQuery ? 1 + end - queryStart : 0)
        return String(unsafeUninitializedCapacity: capacity) { key in
            var count = 0
            func append(_ byte: UInt8) {
                key[count] = byte
                count += 1
            }
            for byte in bytes[hostFrom..<hostTo] { append(lowercased(byte)) }
            for byte in bytes[hostEnd..<pathEnd] { append(byte) }
            if hasQuery {
                if pathEnd == hostEnd { append(0x2F) }
                for byte in bytes[queryStart..<end] { append(byte) }
            }
            return count
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// True when `bytes[from..<to]` spells `word` (lower-case ASCII) in any case.
    private static func spells(_ word: String, _ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        to - from == word.utf8.count && zip(bytes[from..<to], word.utf8).allSatisfy { lowercased($0) == $1 }
    }

    /// The offset of the first `://` in `bytes[from..<to]`.
    private static func firstSchemeSeparator(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        var index = from
        while index + 3 <= to {
            if bytes[index] == 0x3A, bytes[index + 1] == 0x2F, bytes[index + 2] == 0x2F { return index }
            index += 1
        }
        return nil
    }

    public var description: String { value }
}

extension Substring {
    /// The text without leading and trailing spaces, tabs and line breaks (CRLF included).
    ///
    /// Reads the UTF-8 bytes: the four are ASCII, so a byte index next to them is a scalar
    /// boundary, and no grapheme breaking is needed (the server trims every header it fetches).
    public func trimmingWhitespace() -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks (CRLF included).
    public func trimmingWhitespace() -> String {
        // Most values (ids, URLs) have nothing to trim: two byte checks say so, without a copy.
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        if let first = utf8.first, let last = utf8.last, !isSpace(first), !isSpace(last) { return self }
        return self[...].trimmingWhitespace()
    }
}
