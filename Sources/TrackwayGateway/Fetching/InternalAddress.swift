/// Classifies IP addresses a server-side fetch must not reach: loopback, private, link-local,
/// CGNAT, multicast, unspecified and reserved ranges, IPv6 loopback/ULA/link-local, and IPv4
/// addresses wrapped in IPv6 (mapped, NAT64).
enum InternalAddress {
    /// True when the IPv4 address (host byte order) is not a public unicast address.
    static func isInternal(ipv4 address: UInt32) -> Bool {
        let a = address >> 24
        let b = (address >> 16) & 0xFF
        switch a {
        case 0, 10, 127: return true
        case 100 where (64...127).contains(b): return true  // CGNAT 100.64/10
        case 169 where b == 254: return true
        case 172 where (16...31).contains(b): return true
        case 192 where b == 168: return true
        case 192 where b == 0 && (address >> 8) & 0xFF == 0: return true  // 192.0.0/24 protocol assignments
        case 198 where b == 18 || b == 19: return true  // benchmarking 198.18/15
        case 224...255: return true  // multicast, reserved, broadcast
        default: return false
        }
    }

    /// True when the 16-byte IPv6 address is not a public unicast address.
    static func isInternal(ipv6 bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return true }
        let embedded = UInt32(bytes[12]) << 24 | UInt32(bytes[13]) << 16 | UInt32(bytes[14]) << 8 | UInt32(bytes[15])
        if bytes[0..<10].allSatisfy({ $0 == 0 }) {
            if bytes[10] == 0xFF, bytes[11] == 0xFF { return isInternal(ipv4: embedded) }  // ::ffff:a.b.c.d
            if bytes[10] == 0, bytes[11] == 0 { return true }  // ::, ::1, deprecated IPv4-compatible
        }
        if bytes[0] == 0x00, bytes[1] == 0x64, bytes[2] == 0xFF, bytes[3] == 0x9B, bytes[4..<12].allSatisfy({ $0 == 0 }) {
            return isInternal(ipv4: embedded)  // NAT64 64:ff9b::/96
        }
        if bytes[0] & 0xFE == 0xFC { return true }  // ULA fc00::/7
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 { return true }  // link-local fe80::/10
        if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0xC0 { return true }  // site-local fec0::/10
        if bytes[0] == 0xFF { return true }  // multicast
        if bytes[0] == 0x20, bytes[1] == 0x01, bytes[2] == 0x0D, bytes[3] == 0xB8 { return true }  // documentation
        return false
    }

    /// Classifies a textual address (`10.1.2.3`, `::ffff:127.0.0.1`), read as `IPAddress` reads
    /// it (an IPv4 address in its mapped IPv6 form); text that is no address is internal.
    static func isInternal(_ text: String) -> Bool {
        guard let address = IPAddress(text) else { return true }
        return isInternal(ipv6: address.bytes)
    }
}
