import Testing
@testable import TrackwayGateway

/// Addresses and CIDR ranges as `--trusted-proxy` takes them: both families, IPv4 inside IPv6
/// (mapped), and the values refused with the reason.
@Suite struct IPNetworkTests {
    @Test("addresses read in their standard forms are written back in their canonical ones, an IPv4-mapped one as IPv4",
          arguments: [
              ("192.0.2.7", "192.0.2.7"), ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"), ("2001:db8::1", "2001:db8::1"),
              ("::ffff:192.0.2.7", "192.0.2.7"), ("::FFFF:c000:0207", "192.0.2.7"), ("::1", "::1"), ("::", "::"),
              ("fe80::1:2", "fe80::1:2"), ("0.0.0.0", "0.0.0.0"), ("255.255.255.255", "255.255.255.255"),
          ])
    func canonicalText(text: String, canonical: String) {
        #expect(IPAddress(text)?.description == canonical)
    }

    @Test("text that is no address, or an address with more around it, is no address",
          arguments: ["", "unknown", "localhost", "example.com", "192.0.2", "192.0.2.256", "192.0.2.7.1", "01.2.3.4",
                      " 192.0.2.7", "192.0.2.7 ", "[::1]", "192.0.2.7:80", "fe80::1%eth0", "2001:db8:::1", "1:2:3:4:5:6:7:8:9",
                      "_hidden", "0x7f.1", String(repeating: "1", count: 10_000)])
    func notAnAddress(text: String) {
        #expect(IPAddress(text) == nil)
    }

    @Test("an IPv4 range holds its addresses and their mapped forms, and nothing on either side of it")
    func ipv4Range() throws {
        let network = try IPNetwork(parsing: "10.0.0.0/8")
        for inside in ["10.0.0.0", "10.1.2.3", "10.255.255.255", "::ffff:10.9.9.9"] {
            #expect(network.contains(try #require(IPAddress(inside))), "\(inside)")
        }
        for outside in ["9.255.255.255", "11.0.0.0", "::a01:203", "::1", "2001:db8::a01:203"] {
            #expect(!network.contains(try #require(IPAddress(outside))), "\(outside)")
        }
        #expect(network.description == "10.0.0.0/8")
    }

    @Test("prefix lengths that do not fall on a byte boundary split the range where they say",
          arguments: [("192.0.2.128/25", "192.0.2.128", "192.0.2.127"), ("172.16.0.0/12", "172.31.255.255", "172.32.0.0"),
                      ("2001:db8::/33", "2001:db8:7fff::1", "2001:db8:8000::"), ("2001:db8::/127", "2001:db8::1", "2001:db8::2"),
                      ("fc00::/7", "fdff::1", "fe00::")])
    func oddPrefixes(network: String, inside: String, outside: String) throws {
        let range = try IPNetwork(parsing: network)
        #expect(range.contains(try #require(IPAddress(inside))))
        #expect(!range.contains(try #require(IPAddress(outside))))
    }

    @Test("an IPv6 range holds its addresses across the middle of the 128 bits")
    func ipv6Range() throws {
        let network = try IPNetwork(parsing: "2001:db8:ab::/48")
        #expect(network.contains(try #require(IPAddress("2001:db8:ab:ffff:ffff:ffff:ffff:ffff"))))
        #expect(network.contains(try #require(IPAddress("2001:db8:ab::"))))
        #expect(!network.contains(try #require(IPAddress("2001:db8:ac::"))))
        #expect(!network.contains(try #require(IPAddress("10.0.0.1"))))
        #expect(network.description == "2001:db8:ab::/48")
    }

    @Test("a single address is a range of one, in either family, and an IPv4 one matches its mapped form")
    func singleAddresses() throws {
        let v4 = try IPNetwork(parsing: "127.0.0.1")
        #expect(v4.contains(try #require(IPAddress("127.0.0.1"))))
        #expect(v4.contains(try #require(IPAddress("::ffff:127.0.0.1"))))
        #expect(!v4.contains(try #require(IPAddress("127.0.0.2"))))
        #expect(v4.description == "127.0.0.1/32")
        let v6 = try IPNetwork(parsing: "::1")
        #expect(v6.contains(try #require(IPAddress("::1"))))
        #expect(!v6.contains(try #require(IPAddress("127.0.0.1"))))
        #expect(!v6.contains(try #require(IPAddress("::2"))))
    }

    @Test("a mapped range written in IPv6 counts its prefix in 128 bits and is the same range as its IPv4 form")
    func mappedRange() throws {
        let mapped = try IPNetwork(parsing: "::ffff:10.0.0.0/104")
        #expect(mapped == (try IPNetwork(parsing: "10.0.0.0/8")))
        #expect(mapped.contains(try #require(IPAddress("10.200.0.1"))))
    }

    @Test("/0 holds every address of its family only")
    func wholeFamilies() throws {
        #expect(try IPNetwork(parsing: "0.0.0.0/0").contains(try #require(IPAddress("203.0.113.9"))))
        #expect(!(try IPNetwork(parsing: "0.0.0.0/0")).contains(try #require(IPAddress("2001:db8::1"))))
        #expect(try IPNetwork(parsing: "::/0").contains(try #require(IPAddress("2001:db8::1"))))
    }

    @Test("values that are no address or range are refused, saying what was expected",
          arguments: [
              ("proxy.internal", "expected an IPv4 or IPv6 address"), ("10.0.0.0/33", "IPv4 network is a number from 0 to 32"),
              ("2001:db8::/129", "IPv6 network is a number from 0 to 128"), ("10.0.0.0/", "from 0 to 32"),
              ("10.0.0.0/-1", "from 0 to 32"), ("10.0.0.0/+8", "from 0 to 32"), ("10.0.0.0/8/8", "from 0 to 32"),
              ("10.0.0.0/0008", "from 0 to 32"), ("/8", "expected an IPv4 or IPv6 address"), ("", "expected an IPv4 or IPv6 address"),
              ("10.1.2.3/8", "bits are set after the /8 prefix (the network is 10.0.0.0/8)"),
              ("2001:db8::1/64", "bits are set after the /64 prefix (the network is 2001:db8::/64)"),
          ])
    func refused(text: String, reason: String) {
        #expect {
            try IPNetwork(parsing: text)
        } throws: { error in
            let description = "\(error)"
            return description.contains("'\(text)' is not an IP address or network") && description.contains(reason)
        }
    }
}
