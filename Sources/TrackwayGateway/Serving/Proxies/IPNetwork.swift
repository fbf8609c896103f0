/// A range of IP addresses in CIDR notation (`10.0.0.0/8`, `2001:db8::/32`), or one address
/// (`192.0.2.10`, `::1`): what `--trusted-proxy` names.
///
/// ```swift
/// let network = try IPNetwork(parsing: "10.0.0.0/8")
/// network.contains(IPAddress("10.1.2.3")!)          // true
/// network.contains(IPAddress("::ffff:10.1.2.3")!)   // true: the same IPv4 address
/// ```
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the range.
    public let address: IPAddress
    /// How many leading bits an address shares with `address` to be in the range, counted
    /// within the 128 bits (an IPv4 network's /8 is 96 + 8).
    let prefixLength: Int

    /// Why a `--trusted-proxy` value was refused: the value and what was expected.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public let text: String
        public let reason: String
        public var description: String { "'\(text)' is not an IP address or network (CIDR): \(reason)" }
    }

    /// The range `text` names; throws, saying what was expected, for anything else (a host name,
    /// a prefix too long for its family, bits set after the prefix).
    public init(parsing text: String) throws(ParseError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else {
            throw ParseError(text: text, reason: "expected an IPv4 or IPv6 address, optionally followed by /prefix-length (10.0.0.0/8, 2001:db8::/32)")
        }
        // The family as written: `::ffff:10.0.0.0/104` counts its prefix in IPv6's 128 bits.
        let bits = parts[0].contains(":") ? 128 : 32
        var length = bits
        if parts.count == 2 {
            guard parts[1].utf8.count <= 3, parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }), let parsed = Int(parts[1]), parsed <= bits else {
                throw ParseError(text: text, reason: "the prefix length of an \(bits == 32 ? "IPv4" : "IPv6") network is a number from 0 to \(bits)")
            }
            length = parsed
        }
        let network = IPNetwork(address: address, prefixLength: 128 - bits + length)
        guard network.address == address else {
            throw ParseError(text: text, reason: "bits are set after the /\(length) prefix (the network is \(network))")
        }
        self = network
    }

    /// The range of `prefixLength` bits (of 128) that holds `address`.
    private init(address: IPAddress, prefixLength: Int) {
        self.prefixLength = prefixLength
        let (highMask, lowMask) = Self.masks(prefixLength)
        self.address = IPAddress(high: address.high & highMask, low: address.low & lowMask)
    }

    /// True when `candidate` is in the range.
    public func contains(_ candidate: IPAddress) -> Bool {
        let (highMask, lowMask) = Self.masks(prefixLength)
        return candidate.high & highMask == address.high && candidate.low & lowMask == address.low
    }

    /// `10.0.0.0/8`, `2001:db8::/32`, `192.0.2.10/32`.
    public var description: String {
        "\(address)/\(address.isIPv4 && prefixLength >= 96 ? prefixLength - 96 : prefixLength)"
    }

    /// The masks of the first and last 64 bits that keep the first `length` of 128 bits.
    private static func masks(_ length: Int) -> (UInt64, UInt64) {
        func mask(_ bits: Int) -> UInt64 { bits <= 0 ? 0 : bits >= 64 ? .max : .max << (64 - bits) }
        return (mask(length), mask(length - 64))
    }
}
