import Foundation
import Testing
import TrackwayTesting

/// `trackway serve --trusted-proxy`'s values: what is not an address or a range is refused
/// before anything is served, saying what was expected.
@Suite struct TrustedProxyOptionTests {
    @Test("refuses a host name, a prefix too long and bits past the prefix, naming the value, and serves nothing",
          arguments: [
              ("nginx.internal", "expected an IPv4 or IPv6 address"), ("10.0.0.0/33", "a number from 0 to 32"),
              ("10.1.2.3/8", "the network is 10.0.0.0/8"), ("[::1]", "expected an IPv4 or IPv6 address"),
          ])
    func refused(value: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("blog.sqlite").path
        let result = try CommandLineHarness.trackway([
            "serve", "--db", db, "--port", "0", "--trusted-proxy", "127.0.0.1", "--trusted-proxy", value,
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--trusted-proxy '\(value)' is not an IP address or network (CIDR)"), "\(result.stderr)")
        #expect(result.stderr.contains(reason), "\(result.stderr)")
        #expect(!result.stderr.contains("serving"))
    }
}
