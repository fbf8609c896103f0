import Foundation
import Testing
import TrackwayTesting

/// `trackway serve --trusted-proxy` behind a real nginx configured as docs/deployment.md does:
/// each client is rate limited, stored, matched by spam rules and logged under its own address,
/// which nginx appended to `X-Forwarded-For`, and a header a client writes itself, through nginx
/// or straight to the server, changes nothing.
///
/// Clients bind distinct loopback addresses (`curl --interface`); nginx reaches the server from
/// `NginxProxy.upstreamSource`, the only address the server trusts, so a client connecting
/// straight to the server from 127.0.0.1 is not mistaken for nginx.
@Suite("trackway serve behind nginx, trusting nginx's address alone",
       .enabled(if: NginxProxy.binary != nil, "nginx is not installed: scripts/setup.sh installs nginx-light"))
struct TrustedProxyTests {
    static let trackbackPath = "/2026/04/mending-a-trawl-net/trackback/"
    static let clientA = "127.0.0.11"
    static let clientB = "127.0.0.12"
    /// Where the cited pages are.
    static let citedBase = "http://127.0.0.1:9/"

    /// A database with the harbour-notes sample: a file, or a PostgreSQL database kept alive by
    /// the returned value.
    static func database(_ engine: StoreEngine, in folder: TemporaryDirectory) throws -> (db: String, keep: TemporaryPostgresDatabase?) {
        let postgres = engine == .postgres ? try TemporaryPostgresDatabase() : nil
        let db = postgres?.url.description ?? folder.file("blog.sqlite").path
        try CommandLineHarness.importSample(into: db)
        return (db, postgres)
    }

    /// A TrackBack from `source` (curl bound to that address) to `base`, citing a page named
    /// `name`, with `X-Forwarded-For: forwardedFor` when given; the HTTP status.
    static func trackback(to base: String, from source: String, citing name: String, forwardedFor: String? = nil) throws -> Int {
        let header = forwardedFor.map { ["-H", "X-Forwarded-For: \($0)"] } ?? []
        // The cited pages are on loopback, which the server refuses to fetch: the background
        // checks end at once, and the pings stay stored with their addresses.
        let result = try ChildProcess.tool("curl", [
            "-s", "-o", "/dev/null", "-w", "%{http_code}", "--interface", source, "-H", "Host: harbour-notes.example",
            "--data-urlencode", "url=\(citedBase)\(name)", "--data-urlencode", "title=\(name)",
        ] + header + [base + trackbackPath])
        return Int(result.stdout) ?? 0
    }

    /// The address stored with each ping the test sent, and the spam rule's match if one held it,
    /// by the name of the page it cited.
    static func storedAddresses(_ db: String) throws -> [String: String] {
        let listed = try CommandLineHarness.trackway(["pings", "--db", db, "list", "--json"])
        try #require(listed.status == 0, "\(listed.stderr)")
        let pings = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        var addresses: [String: String] = [:]
        for ping in pings {
            guard let source = ping["sourceURL"] as? String, source.hasPrefix(citedBase) else { continue }
            let match = ping["spamRuleMatch"] as? String ?? ""
            addresses[String(source.dropFirst(citedBase.count))] = (ping["authorIP"] as? String ?? "none") + (match.isEmpty ? "" : " spam: \(match)")
        }
        return addresses
    }

    @Test("two clients behind nginx get a rate limit each, their own stored address, spam rule and log lines; headers they write themselves are not believed",
          arguments: StoreEngine.tested)
    func clientsBehindNginx(engine: StoreEngine) throws {
        let folder = try TemporaryDirectory()
        let (db, keep) = try Self.database(engine, in: folder)
        defer { withExtendedLifetime(keep) {} }
        // The owner has seen client B's address spamming (WordPress's disallowed keys match the IP too).
        let rule = try CommandLineHarness.trackway(["rules", "add", "disallowed-keys", Self.clientB, "--db", db])
        try #require(rule.status == 0, "\(rule.stderr)")
        let server = try ServerProcess.start(db: db, arguments: [
            "--trusted-proxy", NginxProxy.upstreamSource, "--rate-burst", "2", "--rate-per-minute", "1",
        ], log: folder.file("serve.log"))
        defer { server.stop() }
        let nginx = try NginxProxy(upstreamPort: server.port)
        defer { nginx.stop() }

        // Client A's burst of two, the second claiming another address; its third ping is over
        // the limit whatever address it claims.
        #expect(try Self.trackback(to: nginx.base, from: Self.clientA, citing: "a1") == 200)
        #expect(try Self.trackback(to: nginx.base, from: Self.clientA, citing: "a2", forwardedFor: "198.51.100.7") == 200)
        #expect(try Self.trackback(to: nginx.base, from: Self.clientA, citing: "a3", forwardedFor: "203.0.113.200") == 429)
        // Client B, through the same nginx, has a limit of its own.
        #expect(try Self.trackback(to: nginx.base, from: Self.clientB, citing: "b1") == 200)
        #expect(try Self.trackback(to: nginx.base, from: Self.clientB, citing: "b2", forwardedFor: Self.clientA) == 200)
        // Straight to the server from 127.0.0.1, which is not nginx: the header is ignored, so
        // changing it every time does not escape the limit.
        #expect(try Self.trackback(to: server.base, from: "127.0.0.1", citing: "d1", forwardedFor: "192.0.2.91") == 200)
        #expect(try Self.trackback(to: server.base, from: "127.0.0.1", citing: "d2", forwardedFor: "192.0.2.92") == 200)
        #expect(try Self.trackback(to: server.base, from: "127.0.0.1", citing: "d3", forwardedFor: "192.0.2.93") == 429)

        let stored = try Self.storedAddresses(db)
        #expect(stored == [
            "a1": Self.clientA, "a2": Self.clientA, "b1": "\(Self.clientB) spam: \(Self.clientB)", "b2": "\(Self.clientB) spam: \(Self.clientB)",
            "d1": "127.0.0.1", "d2": "127.0.0.1",
        ], "\(stored)")
        server.stop()
        let log = try String(contentsOf: server.log, encoding: .utf8)
        for client in [Self.clientA, Self.clientB, "127.0.0.1"] {
            #expect(log.contains("\(client) POST \(Self.trackbackPath) 200"), "\(log)")
        }
        #expect(!log.contains("\(NginxProxy.upstreamSource) POST"), "\(log)")
    }
}
