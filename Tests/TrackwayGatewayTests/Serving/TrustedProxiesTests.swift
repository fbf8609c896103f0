import Testing
@testable import TrackwayGateway

/// Which address a request is taken to come from, given its peer and `X-Forwarded-For`: the
/// right-to-left walk past trusted proxies, and what a client may write to that header.
@Suite struct TrustedProxiesTests {
    /// nginx on loopback, a private tier of proxies, and one IPv6 proxy.
    let proxies: TrustedProxies

    init() throws {
        proxies = try TrustedProxies(parsing: ["127.0.0.1", "10.0.0.0/8", "2001:db8:f::/48"])
    }

    func client(_ peer: String, _ lines: [String]) -> String {
        proxies.clientAddress(peer: peer, forwardedFor: lines)
    }

    @Test("with no proxy trusted the peer is the client, whatever the header says")
    func nothingTrusted() {
        let none = TrustedProxies()
        #expect(none.isEmpty)
        #expect(none.clientAddress(peer: "127.0.0.1", forwardedFor: ["203.0.113.9"]) == "127.0.0.1")
    }

    @Test("a header from a peer that is not a trusted proxy is ignored: a client cannot name its own address",
          arguments: ["192.0.2.50", "127.0.0.2", "::1", "2001:db8:e::1", ""])
    func untrustedPeer(peer: String) {
        #expect(client(peer, ["203.0.113.9"]) == peer)
        #expect(client(peer, ["203.0.113.9, 127.0.0.1"]) == peer)
    }

    @Test("behind one proxy the last entry is the client, and what the client wrote to the left of it is not believed")
    func oneProxy() {
        #expect(client("127.0.0.1", ["203.0.113.9"]) == "203.0.113.9")
        #expect(client("127.0.0.1", ["198.51.100.1, 203.0.113.9"]) == "203.0.113.9")
        #expect(client("127.0.0.1", ["10.0.0.5, 203.0.113.9"]) == "203.0.113.9")
    }

    @Test("the walk goes left past trusted proxies to the first other address")
    func chainOfProxies() {
        #expect(client("127.0.0.1", ["198.51.100.1, 203.0.113.9, 10.0.0.2, 10.4.0.1"]) == "203.0.113.9")
        #expect(client("10.0.0.3", ["203.0.113.9,10.0.0.2"]) == "203.0.113.9")
        #expect(client("::ffff:127.0.0.1", ["2001:db8::9, 2001:db8:f::1"]) == "2001:db8::9")
    }

    @Test("several header lines are one list, in the order they came")
    func severalLines() {
        #expect(client("127.0.0.1", ["198.51.100.1", "203.0.113.9, 10.0.0.2"]) == "203.0.113.9")
        #expect(client("127.0.0.1", ["203.0.113.9", "10.0.0.2"]) == "203.0.113.9")
        #expect(client("127.0.0.1", ["203.0.113.9", "10.0.0.2", ""]) == "127.0.0.1")
    }

    @Test("a trusted peer without the header, or with only trusted addresses in it, is the client itself")
    func onlyProxies() {
        #expect(client("127.0.0.1", []) == "127.0.0.1")
        #expect(client("127.0.0.1", ["10.0.0.2, 10.0.0.1"]) == "10.0.0.2")
    }

    @Test("entries that are no address end the walk at the last address believed",
          arguments: [
              ("unknown", "127.0.0.1"), ("203.0.113.9, unknown", "127.0.0.1"), ("203.0.113.9, garbage, 10.0.0.2", "10.0.0.2"),
              ("", "127.0.0.1"), (" , ", "127.0.0.1"), ("203.0.113.9,", "127.0.0.1"), ("203.0.113.9,,10.0.0.2", "10.0.0.2"),
              ("_hidden", "127.0.0.1"), ("example.com", "127.0.0.1"), ("203.0.113.9 198.51.100.1", "127.0.0.1"),
              ("<script>alert(1)</script>", "127.0.0.1"), ("203.0.113.9\u{0}", "127.0.0.1"), ("\u{FEFF}203.0.113.9", "127.0.0.1"),
              ("203.0.113.9;for=1.2.3.4", "127.0.0.1"), ("for=203.0.113.9", "127.0.0.1"), ("fe80::1%eth0", "127.0.0.1"),
              ("[2001:db8::9", "127.0.0.1"), ("[2001:db8::9]x", "127.0.0.1"), ("203.0.113.9:", "127.0.0.1"),
              ("203.0.113.9:123456", "127.0.0.1"), ("203.0.113.9:http", "127.0.0.1"), ("2001:db8::9:80:", "127.0.0.1"),
          ])
    func malformedEntries(header: String, expected: String) {
        #expect(client("127.0.0.1", [header]) == expected)
    }

    @Test("ports, brackets and the spaces around entries are dropped from the address stored",
          arguments: [
              ("203.0.113.9:4711", "203.0.113.9"), ("[2001:db8::9]:4711", "2001:db8::9"), ("[2001:db8::9]", "2001:db8::9"),
              ("  203.0.113.9\t", "203.0.113.9"), ("2001:DB8:0::9", "2001:db8::9"), ("::ffff:203.0.113.9", "203.0.113.9"),
              ("[::ffff:203.0.113.9]:80", "203.0.113.9"),
          ])
    func addressForms(header: String, expected: String) {
        #expect(client("127.0.0.1", [header]) == expected)
    }

    @Test("a mapped trusted proxy in the header is passed like its IPv4 form")
    func mappedProxyInHeader() {
        #expect(client("127.0.0.1", ["203.0.113.9, ::ffff:10.0.0.2"]) == "203.0.113.9")
    }

    @Test("a huge header costs only its last entries: the client is found at its right end, and an endless last entry is refused")
    func hugeHeader() {
        let padding = Array(repeating: "198.51.100.1", count: 100_000).joined(separator: ", ")
        #expect(client("127.0.0.1", [padding + ", 203.0.113.9"]) == "203.0.113.9")
        #expect(client("127.0.0.1", [padding + ", " + String(repeating: "9", count: 1_000_000)]) == "127.0.0.1")
        #expect(client("127.0.0.1", [String(repeating: " ", count: 70) + "203.0.113.9"]) == "127.0.0.1")
    }

    @Test("many trusted entries stop the walk after a bounded number, at the last one believed")
    func manyEntries() {
        let trustedRun = (1...100).map { "10.0.0.\($0)" }.joined(separator: ", ")
        #expect(client("127.0.0.1", ["203.0.113.9, " + trustedRun]) == "10.0.0.\(101 - TrustedProxies.maximumHops)")
        let shortRun = (1...5).map { "10.0.0.\($0)" }.joined(separator: ", ")
        #expect(client("127.0.0.1", ["203.0.113.9, " + shortRun]) == "203.0.113.9")
        let manyLines = Array(repeating: "10.0.0.9", count: 1_000)
        #expect(client("127.0.0.1", ["203.0.113.9"] + manyLines) == "10.0.0.9")
    }

    @Test("the entry parser reads every form a proxy writes and nothing else")
    func entryParser() {
        #expect(TrustedProxies.address(inEntry: "[::1]:65535")?.description == "::1")
        #expect(TrustedProxies.address(inEntry: "[::1]:") == nil)
        #expect(TrustedProxies.address(inEntry: "[::1]]") == nil)
        #expect(TrustedProxies.address(inEntry: "[[::1]") == nil)
        #expect(TrustedProxies.address(inEntry: "[]") == nil)
        #expect(TrustedProxies.address(inEntry: "1.2.3.4:80:80") == nil)
    }
}
