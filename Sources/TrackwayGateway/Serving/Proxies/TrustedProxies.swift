/// The proxies (`--trusted-proxy`) whose `X-Forwarded-For` names the client: the client's address
/// for a request is its connection's peer, unless that peer is one of them.
///
/// Behind trusted proxies the header is read from its right end, where the last proxy appended
/// the address it saw, leftwards past the addresses of trusted proxies; the first address that is
/// not one is the client. Everything further left was written by the client and is not believed.
/// An entry that is no IP address (`unknown`, a host name, garbage) ends the walk at the last
/// address believed, as a client must not choose its own address by sending nonsense.
///
/// ```swift
/// let proxies = try TrustedProxies(parsing: ["127.0.0.1", "10.0.0.0/8"])
/// proxies.clientAddress(peer: "127.0.0.1", forwardedFor: ["198.51.100.1, 203.0.113.9, 10.0.0.2"])  // "203.0.113.9"
/// proxies.clientAddress(peer: "192.0.2.50", forwardedFor: ["203.0.113.9"])                       // "192.0.2.50"
/// ```
///
/// Only `X-Forwarded-For`, not RFC 7239's `Forwarded`: nginx's configuration
/// (`$proxy_add_x_forwarded_for`), as most load balancers by default, appends to the former and
/// passes the latter through as the client sent it, so believing `Forwarded` behind it would let
/// any client name its own address. One header, the one the proxy writes, is the safe choice.
public struct TrustedProxies: Sendable {
    /// The trusted ranges, as given.
    public let networks: [IPNetwork]

    /// Entries examined from the right before the walk stops at the last address believed: a
    /// chain of trusted proxies is a few hops long, and the header's length is the client's choice.
    static let maximumHops = 16
    /// The longest entry read: an IPv6 address with brackets and a port
    /// (`[ffff:…:255.255.255.255]:65535` is 53 bytes), with room for spaces around it.
    static let maximumEntryLength = 64

    /// Trusts the addresses in `networks`; none by default, so no header is ever believed.
    public init(_ networks: [IPNetwork] = []) {
        self.networks = networks
    }

    /// Trusts each of `entries`, an address or a CIDR range; throws for the first that is neither.
    public init(parsing entries: [String]) throws(IPNetwork.ParseError) {
        var networks: [IPNetwork] = []
        for entry in entries { networks.append(try IPNetwork(parsing: entry)) }
        self.init(networks)
    }

    /// True when no proxy is trusted: the peer is always the client.
    public var isEmpty: Bool { networks.isEmpty }

    /// True when `address` is a trusted proxy's.
    public func trusts(_ address: IPAddress) -> Bool {
        networks.contains { $0.contains(address) }
    }

    /// The client's address for a request from `peer` (its connection's address, as written) with
    /// the `X-Forwarded-For` field lines `forwardedFor`, in the order they came (read only when
    /// the peer is trusted): `peer` itself unless it is trusted; else the first untrusted address
    /// from the right (in its canonical form, `::ffff:192.0.2.7` as `192.0.2.7`), or the last
    /// trusted one when the walk ends first.
    public func clientAddress(peer: String, forwardedFor lines: @autoclosure () -> [String]) -> String {
        guard !networks.isEmpty, let peerAddress = IPAddress(peer), trusts(peerAddress) else { return peer }
        return walk(lines()).map(\.description) ?? peer
    }

    /// The address the walk ends at: the first untrusted one, or the last trusted one; nil when
    /// the walk ended before it believed any entry (the peer is the client).
    private func walk(_ lines: [String]) -> IPAddress? {
        var believed: IPAddress?
        var hops = 0
        for line in lines.reversed() {
            var rest = line[...]
            while hops < Self.maximumHops {
                hops += 1
                guard let found = Self.lastEntry(of: rest), let address = Self.address(inEntry: found.entry) else { return believed }
                guard trusts(address) else { return address }
                believed = address
                guard let before = found.before else { break }
                rest = before
            }
            if hops >= Self.maximumHops { break }
        }
        return believed
    }

    /// The last comma-separated entry of `text` and the text before its comma (nil when it was
    /// the first); nil when that entry is longer than any address, found without reading further
    /// back than that.
    static func lastEntry(of text: Substring) -> (entry: Substring, before: Substring?)? {
        let utf8 = text.utf8
        var start = utf8.endIndex
        var length = 0
        while start > utf8.startIndex {
            let previous = utf8.index(before: start)
            if utf8[previous] == UInt8(ascii: ",") {
                return (text[start...], text[..<previous])
            }
            length += 1
            guard length <= maximumEntryLength else { return nil }
            start = previous
        }
        return (text[start...], nil)
    }

    /// The address an entry names: `192.0.2.7`, `2001:db8::7`, with a port (`192.0.2.7:4711`,
    /// `[2001:db8::7]:4711`) or in brackets alone, spaces around it allowed; nil for anything else.
    static func address(inEntry entry: Substring) -> IPAddress? {
        // Bytes, not Characters: grapheme breaking made this four times slower than the parse.
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let bytes = entry.utf8
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else { return nil }
        let text = entry[first...last]
        let utf8 = text.utf8
        if utf8.first == UInt8(ascii: "[") {
            guard let close = utf8.firstIndex(of: UInt8(ascii: "]")), isPortSuffix(text[utf8.index(after: close)...]) else { return nil }
            return IPAddress(text[utf8.index(after: utf8.startIndex)..<close])
        }
        if let colon = utf8.firstIndex(of: UInt8(ascii: ":")), utf8.lastIndex(of: UInt8(ascii: ":")) == colon {
            // One colon: an IPv4 address and its port (an IPv6 address has two at least).
            guard isPortSuffix(text[colon...]), let address = IPAddress(text[..<colon]), address.isIPv4 else { return nil }
            return address
        }
        return IPAddress(text)
    }

    /// True for nothing, or `:` and a port of 1 to 5 digits.
    private static func isPortSuffix(_ text: Substring) -> Bool {
        guard let colon = text.utf8.first else { return true }
        let digits = text.utf8.dropFirst()
        return colon == UInt8(ascii: ":") && (1...5).contains(digits.count) && digits.allSatisfy { (0x30...0x39).contains($0) }
    }
}
