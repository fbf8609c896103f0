import Foundation
import Testing

/// Floods over real sockets: one client far over the rate limit is refused and the database
/// stays the same size; many clients each under the limit are all served.
@Suite struct FloodTests {
    /// Sends `count` TrackBack POSTs from `sourceAddress`, `parallel` at a time, each with a
    /// distinct source URL; prints how many got each HTTP status.
    private static let flood = """
        import collections, concurrent.futures, http.client, json, sys, urllib.parse
        port, path, source, count, parallel, tag = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
        def ping(index):
            connection = http.client.HTTPConnection("127.0.0.1", port, source_address=(source, 0), timeout=120)
            form = urllib.parse.urlencode({"url": "http://flood.example/%s/%d" % (tag, index), "title": "flood", "excerpt": "x" * 200})
            connection.request("POST", path, form, {"Content-Type": "application/x-www-form-urlencoded"})
            response = connection.getresponse()
            body = response.read().decode()
            connection.close()
            return response.status if response.status != 200 or "<error>0</error>" in body else -1
        with concurrent.futures.ThreadPoolExecutor(parallel) as pool:
            counts = collections.Counter(pool.map(ping, range(count)))
        print(json.dumps({str(status): number for status, number in counts.items()}))
        """

    private func flood(_ harness: GatewayHarness, from source: String, count: Int, parallel: Int = 8, tag: String) async throws -> [String: Int] {
        let output = try await GatewayHarness.run(
            "/usr/bin/python3", ["-c", Self.flood, String(harness.port), "/2008/01/hello/trackback/", source, String(count), String(parallel), tag]
        )
        return (try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Int]) ?? [:]
    }

    @Test("one client sending 500 TrackBacks over a burst of 10 gets 10 accepted, 490 refused with 429, and the database does not grow")
    func oneClientFlood() async throws {
        let harness = try await GatewayHarness { $0.pingRateLimit = .init(burst: 10, perMinute: 0.01) }
        defer { harness.stop() }
        #expect(try await flood(harness, from: "127.0.0.1", count: 10, tag: "first") == ["200": 10])
        let pages = try await harness.sqlite("PRAGMA page_count")
        let refused = try await flood(harness, from: "127.0.0.1", count: 490, parallel: 16, tag: "flood")
        #expect(refused == ["429": 490])
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "10")
        #expect(try await harness.sqlite("PRAGMA page_count") == pages)
        // Pingbacks share the client's bucket: HTTP 429 with fault 429, before the source is fetched.
        let call = "<?xml version=\"1.0\"?><methodCall><methodName>pingback.ping</methodName><params>"
            + "<param><value>\(harness.site.base)/never-fetched.html</value></param><param><value>\(GatewayHarness.openPost)</value></param>"
            + "</params></methodCall>"
        let pingback = try await harness.curl(["-H", "Content-Type: text/xml", "--data-binary", call, harness.base + "/xmlrpc.php"])
        #expect(pingback.status == 429)
        #expect(pingback.body.contains("<int>429</int>") && pingback.body.contains("You are posting comments too quickly. Slow down."))
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "10")
    }

    @Test("20 clients on their own addresses, each sending 5 TrackBacks under a burst of 10, are all served")
    func manyClientsUnderTheLimit() async throws {
        let harness = try await GatewayHarness { $0.pingRateLimit = .init(burst: 10, perMinute: 0.01) }
        defer { harness.stop() }
        let results = try await withThrowingTaskGroup(of: [String: Int].self) { group in
            for client in 0..<20 {
                group.addTask { try await flood(harness, from: "127.0.0.\(client + 2)", count: 5, parallel: 5, tag: "client\(client)") }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 20)
        #expect(results.allSatisfy { $0 == ["200": 5] })
        #expect(try await harness.sqlite("SELECT count(*) FROM comments") == "100")
        #expect(try await harness.sqlite("SELECT count(DISTINCT author_ip) FROM comments") == "20")
    }
}
