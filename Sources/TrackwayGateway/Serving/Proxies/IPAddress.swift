import Foundation

/// An IPv4 or IPv6 address as its 128 bits, an IPv4 address held in its IPv4-mapped IPv6 form
/// (`::ffff:a.b.c.d`): one comparison serves both families, and the `::ffff:127.0.0.1` a
/// dual-stack socket reports is the same address as `127.0.0.1`.
///
/// ```swift
/// IPAddress("2001:DB8::1")?.description        // "2001:db8::1"
/// IPAddress("::ffff:192.0.2.7")?.description   // "192.0.2.7"
/// IPAddress("unknown")                         // nil
/// ```
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// The first 64 bits, in host order.
    let high: UInt64
    /// The last 64 bits, in host order.
    let low: UInt64

    /// The longest text of an address: an IPv6 address ending in a dotted quad.
    static let maximumTextLength = 45

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The address `text` spells, as `init(_:)` of a string reads it.
    public init?(_ text: Substring) {
        // A String, not some StringProtocol: generic over it, the checks below cost six times more.
        guard text.utf8.count <= Self.maximumTextLength else { return nil }
        self.init(String(text))
    }

    /// The address `text` spells in the standard forms (`inet_pton`: dotted quad; IPv6 with `::`
    /// and an optional dotted quad at the end); nil for anything else, brackets, ports and zone
    /// ids included.
    public init?(_ text: String) {
        // Only what an address is spelt with reaches inet_pton: a NUL would end its C string early.
        guard !text.isEmpty, text.utf8.count <= Self.maximumTextLength, text.utf8.allSatisfy(Self.isAddressByte) else { return nil }
        let isIPv6Text = text.utf8.contains(UInt8(ascii: ":"))
        var v4 = in_addr()
        var v6 = in6_addr()
        let parsed: IPAddress? = text.withCString { pointer in
            if !isIPv6Text, inet_pton(AF_INET, pointer, &v4) == 1 {
                return IPAddress(high: 0, low: 0xFFFF_0000_0000 | UInt64(UInt32(bigEndian: v4.s_addr)))
            }
            guard inet_pton(AF_INET6, pointer, &v6) == 1 else { return nil }
            return withUnsafeBytes(of: &v6) { bytes in
                IPAddress(high: Self.bigEndianWord(bytes, at: 0), low: Self.bigEndianWord(bytes, at: 8))
            }
        }
        guard let parsed else { return nil }
        self = parsed
    }

    /// True for an IPv4 address (held mapped).
    public var isIPv4: Bool { high == 0 && low >> 32 == 0xFFFF }

    /// The dotted quad for IPv4 (mapped ones too), else the IPv6 address in RFC 5952's form
    /// (lowercase, the longest run of zeros as `::`).
    public var description: String {
        if isIPv4 {
            // By hand: string interpolation of four numbers cost as much as the rest of a walk.
            return String(unsafeUninitializedCapacity: 15) { buffer in
                var count = 0
                for shift in [24, 16, 8, 0] {
                    if shift != 24 {
                        buffer[count] = UInt8(ascii: ".")
                        count += 1
                    }
                    let octet = Int(low >> UInt64(shift) & 0xFF)
                    if octet >= 100 { buffer[count] = UInt8(ascii: "0") + UInt8(octet / 100); count += 1 }
                    if octet >= 10 { buffer[count] = UInt8(ascii: "0") + UInt8(octet / 10 % 10); count += 1 }
                    buffer[count] = UInt8(ascii: "0") + UInt8(octet % 10)
                    count += 1
                }
                return count
            }
        }
        var v6 = in6_addr()
        withUnsafeMutableBytes(of: &v6) { $0.copyBytes(from: bytes) }
        return String(unsafeUninitializedCapacity: Int(INET6_ADDRSTRLEN)) { buffer in
            let written = buffer.withMemoryRebound(to: CChar.self) { inet_ntop(AF_INET6, &v6, $0.baseAddress, socklen_t($0.count)) }
            return written == nil ? 0 : buffer.firstIndex(of: 0) ?? 0
        }
    }

    /// The 16 bytes of the IPv6 form, in network order (an IPv4 address mapped, `::ffff:a.b.c.d`).
    var bytes: [UInt8] {
        (0..<16).map { index in UInt8(truncatingIfNeeded: (index < 8 ? high : low) >> (56 - 8 * (index % 8))) }
    }

    /// Hex digits, `.` and `:`.
    private static func isAddressByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"),
             UInt8(ascii: "."), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    private static func bigEndianWord(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }
}
