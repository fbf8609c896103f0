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
        // Works on UTF-8 bytes: this runs for every URL of every imported post.
        var bytes = Array(url.utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        var start = 0
        while start < bytes.count, isSpace(bytes[start]) { start += 1 }
        guard let schemeEnd = Self.find([0x3A, 0x2F, 0x2F], in: bytes, from: start) else { return nil }
        let scheme = bytes[start..<schemeEnd].map(Self.lowercased)
        guard scheme == Array("http".utf8) || scheme == Array("https".utf8) else { return nil }
        var end = bytes.count
        if let hash = bytes[(schemeEnd + 3)...].firstIndex(of: 0x23) { end = hash }
        let hostStart = schemeEnd + 3
        let hostEnd = bytes[hostStart..<end].firstIndex(where: { $0 == 0x2F || $0 == 0x3F }) ?? end
        var host = bytes[hostStart..<hostEnd].map(Self.lowercased)
        if let at = host.lastIndex(of: 0x40) { host.removeSubrange(...at) }
        for port in [Array(":80".utf8), Array(":443".utf8)] where host.count > port.count && Array(host.suffix(port.count)) == port {
            host.removeLast(port.count)
        }
        if host.starts(with: Array("www.".utf8)) { host.removeFirst(4) }
        guard !host.isEmpty else { return nil }
        let queryStart = bytes[hostEnd..<end].firstIndex(of: 0x3F) ?? end
        var pathEnd = queryStart
        while pathEnd > hostEnd, bytes[pathEnd - 1] == 0x2F { pathEnd -= 1 }
        var key = host
        key.append(contentsOf: bytes[hostEnd..<pathEnd])
        if end - queryStart > 1 {
            if pathEnd == hostEnd { key.append(0x2F) }
            key.append(contentsOf: bytes[queryStart..<end])
        }
        value = String(decoding: key, as: UTF8.self)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }

    public var description: String { value }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (CRLF included).
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}
