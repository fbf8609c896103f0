// What finding the client's address behind a trusted proxy costs a request: TrustedProxies.clientAddress
// with no proxy trusted (the default), with a peer that is not trusted, and with nginx's peer and
// headers of one entry, three hops and a hostile 100 000 entries, each as a ratio to what every
// request already pays for its peer's address (inet_ntop of the socket address, as NIO's
// SocketAddress.ipAddress) in the same run. Built by Benchmarks/forwarded-client.sh with swiftc -O;
// not a test.
import Foundation

var peer = sockaddr_in()
peer.sin_family = sa_family_t(AF_INET)
inet_pton(AF_INET, "127.0.0.1", &peer.sin_addr)
let baseline = nanoseconds(200_000) {
    var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
    var address = peer.sin_addr
    _ = inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
    return String(cString: text).utf8.count
}

let none = TrustedProxies()
let nginx = try TrustedProxies(parsing: ["127.0.0.1", "10.0.0.0/8", "2001:db8:f::/48"])
let hostile = Array(repeating: "198.51.100.1", count: 100_000).joined(separator: ", ") + ", 203.0.113.9"
// The header's values as HTTPFields hands them over, built once: the rows time the walk.
let one = ["203.0.113.9"], threeHops = ["203.0.113.9, 10.0.0.2, 10.0.0.3"], ipv6 = ["[2001:db8::9]:4711"], huge = [hostile]
let rows: [(String, Int, () -> Int)] = [
    // What the gateway does per request by default: the header is not read.
    ("no proxy trusted", 5_000_000, { none.isEmpty ? 9 : none.clientAddress(peer: "127.0.0.1", forwardedFor: one).utf8.count }),
    ("peer not trusted", 500_000, { nginx.clientAddress(peer: "192.0.2.50", forwardedFor: one).utf8.count }),
    ("trusted, 1 entry", 200_000, { nginx.clientAddress(peer: "127.0.0.1", forwardedFor: one).utf8.count }),
    ("trusted, 3 hops", 200_000, { nginx.clientAddress(peer: "127.0.0.1", forwardedFor: threeHops).utf8.count }),
    ("trusted, IPv6", 200_000, { nginx.clientAddress(peer: "127.0.0.1", forwardedFor: ipv6).utf8.count }),
    ("hostile 1.4 MB", 200_000, { nginx.clientAddress(peer: "127.0.0.1", forwardedFor: huge).utf8.count }),
]
print("row                 ns/request   ratio to the peer's inet_ntop")
print(String(format: "%-19@ %10.1f   1.00", "peer inet_ntop" as NSString, baseline))
for (name, iterations, body) in rows {
    let time = nanoseconds(iterations, body)
    print(String(format: "%-19@ %10.1f   %.2f", name as NSString, time, time / baseline))
}
