import Foundation
import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

/// `/metrics` and `/healthz` at a real gateway over 127.0.0.1: the exposition read by Prometheus'
/// own Python client (`prometheus_client`'s text parser), the counters moving as pings arrive.
@Suite struct MetricsEndToEndTests {
    private static let token = "metrics-secret-0123456789"

    @Test("metrics are not served without a token configured, and refuse a missing or wrong token with 401")
    func needsTheToken() async throws {
        let closed = try await GatewayHarness()
        defer { closed.stop() }
        #expect(try await closed.curl(["-H", "Authorization: Bearer \(Self.token)", closed.base + "/metrics"]).status == 404)

        let harness = try await GatewayHarness { $0.metricsToken = Self.token }
        defer { harness.stop() }
        for arguments in [[], ["-H", "Authorization: Bearer wrong-secret-0123456789"], ["-H", "Authorization: Bearer \(Self.token.dropLast())"]] {
            let refused = try await harness.curl(arguments + [harness.base + "/metrics"])
            #expect(refused.status == 401 && !refused.body.contains("trackway_"), "\(refused)")
            #expect(refused.headers.lowercased().contains("www-authenticate: bearer"))
        }
        let served = try await harness.curl(["-H", "Authorization: Bearer \(Self.token)", harness.base + "/metrics"])
        #expect(served.status == 200 && served.headers.lowercased().contains("content-type: text/plain; version=0.0.4"))
    }

    @Test("the ping counters move as a trackback and a pingback are accepted, repeated and refused by a rule; the exposition parses")
    func countersMove() async throws {
        let harness = try await GatewayHarness { configuration in
            configuration.metricsToken = Self.token
            // No hourly clean-up write: the commit sizes below are the pings' and the check's alone.
            configuration.webmentionStatusDays = 0
            try? Store(path: configuration.databasePath).setSpamRule(.blockedHosts, to: "blocked.example")
        }
        defer { harness.stop() }
        let before = try await Self.scrape(harness)
        #expect(before.value("trackway_pings_received_total", ["protocol": "trackback", "outcome": "accepted"]) == 0)
        #expect(before.value("trackway_queue_depth", ["queue": "verification"]) == 0)

        let source = try harness.page("citing.html", "<title>Citing</title><p>On <a href=\"\(GatewayHarness.openPost)\">this post</a>.</p>")
        let form = "url=\(Self.encoded(source))&title=Citing&blog_name=Other"
        #expect(try await harness.trackback("/2008/01/hello/trackback/", form).body.contains("<error>0</error>"))
        #expect(try await harness.trackback("/2008/01/hello/trackback/", form).body.contains("<error>1</error>"))
        let blocked = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Fblocked.example%2Fx")
        #expect(blocked.body.contains("not accepted here"))
        let pinged = try await harness.xmlrpc("pingback.ping", [source, GatewayHarness.closedPost])
        #expect((pinged["fault"] as? [Any])?.first as? Int == 33, "\(pinged)")
        let pingSource = try harness.page("pinging.html", "<title>Pinging</title><p>See <a href=\"\(GatewayHarness.openPost)\">it</a>.</p>")
        #expect(try await harness.xmlrpc("pingback.ping", [pingSource, GatewayHarness.openPost])["result"] != nil)
        #expect((try await harness.xmlrpc("pingback.ping", [pingSource, GatewayHarness.openPost])["fault"] as? [Any])?.first as? Int == 48)

        // The trackback's background check finds the link: wait for it (bounded), then read all.
        var after = try await Self.scrape(harness)
        for _ in 0..<100 where after.value("trackway_verifications_total", ["queue": "trackback", "outcome": "linked"]) != 1 {
            try await Task.sleep(for: .milliseconds(100))
            after = try await Self.scrape(harness)
        }
        let counted: [(String, String, Double)] = [
            ("trackback", "accepted", 1), ("trackback", "duplicate", 1), ("trackback", "refused_by_rule", 1), ("trackback", "error", 0),
            ("pingback", "accepted", 1), ("pingback", "duplicate", 1), ("pingback", "fault_33", 1), ("pingback", "fault_17", 0),
            ("webmention", "accepted", 0),
        ]
        for (kind, outcome, count) in counted {
            #expect(after.value("trackway_pings_received_total", ["protocol": kind, "outcome": outcome]) == count, "\(kind) \(outcome)")
        }
        #expect(after.value("trackway_verifications_total", ["queue": "trackback", "outcome": "linked"]) == 1)
        #expect(after.value("trackway_source_fetches_total", ["purpose": "pingback", "result": "ok"]) == 1)
        #expect(after.value("trackway_source_fetches_total", ["purpose": "verification", "result": "ok"]) == 1)
        #expect(after.value("trackway_source_fetch_duration_seconds_count", ["purpose": "pingback"]) == 1)
        #expect(after.value("trackway_http_request_duration_seconds_count", ["route": "trackback", "status": "2xx"]) == 3)
        #expect(after.value("trackway_http_request_duration_seconds_count", ["route": "xmlrpc", "status": "2xx"]) == 3)
        #expect(after.value("trackway_queue_depth", ["queue": "verification"]) == 0)
        // Five writes went through the writer: the trackback, its repeat (refused by the database),
        // the pingback, the claim of the trackback's check and its outcome; the pingback's repeat
        // was refused on a read, and a poll of an idle queue writes nothing.
        #expect(after.value("trackway_store_commit_batch_size_sum", [:]) == 5)
        let commits = try #require(after.value("trackway_store_commit_batch_size_count", [:]))
        #expect((1...5).contains(commits))
        #expect(after.types["trackway_pings_received"] == "counter" && after.types["trackway_http_request_duration_seconds"] == "histogram")
        #expect(after.types["trackway_queue_depth"] == "gauge")
    }

    @Test("queue gauges count the waiting items and the age of the oldest")
    func queueGauges() async throws {
        let harness = try await GatewayHarness { $0.metricsToken = Self.token }
        defer { harness.stop() }
        // Two trackbacks waiting for their check, the older received a minute and a half ago.
        _ = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Fone.invalid%2Fa")
        _ = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Ftwo.invalid%2Fb")
        _ = try await harness.sqlite("""
            UPDATE comments SET created_at = strftime('%Y-%m-%d %H:%M:%S', 'now', '-90 seconds')
            WHERE id = (SELECT MIN(comment_id) FROM verification_queue)
            """)
        let scraped = try await Self.scrape(harness)
        #expect(scraped.value("trackway_queue_depth", ["queue": "verification"]) == 2)
        let age = try #require(scraped.value("trackway_queue_oldest_age_seconds", ["queue": "verification"]))
        #expect((90...150).contains(age), "\(age)")
        #expect(scraped.value("trackway_queue_depth", ["queue": "webmention"]) == 0)
        #expect(scraped.value("trackway_queue_oldest_age_seconds", ["queue": "webmention"]) == 0)
    }

    @Test("healthz answers 200 while the database can be read, 503 with the reason once its folder has moved, and 200 again when it is back")
    func health() async throws {
        let harness = try await GatewayHarness()
        defer { harness.stop() }
        let healthy = try await harness.curl([harness.base + "/healthz"])
        #expect(healthy.status == 200 && healthy.body == "ok\n")

        let folder = URL(fileURLWithPath: harness.databasePath).deletingLastPathComponent()
        let moved = folder.deletingLastPathComponent().appendingPathComponent(folder.lastPathComponent + "-moved")
        try FileManager.default.moveItem(at: folder, to: moved)
        // curl's status after the body, as `harness.curl` keeps its headers in the moved folder.
        let down = try await GatewayHarness.run("/usr/bin/curl", ["-s", "-w", "%{http_code}", harness.base + "/healthz"])
        try FileManager.default.moveItem(at: moved, to: folder)
        #expect(down.hasSuffix("503") && down.hasPrefix("database unreachable: "), "\(down)")
        #expect(!down.contains(folder.path) && !down.contains("test.sqlite"), "the reason names no path: \(down)")
        // The node stays up, and answers once the file is back.
        #expect(try await harness.curl([harness.base + "/healthz"]).status == 200)
    }

    // MARK: Reading the exposition

    /// A parsed scrape: each sample's value by name and labels, and each family's type.
    private struct Scrape {
        var samples: [String: Double]
        var types: [String: String]

        func value(_ name: String, _ labels: [String: String]) -> Double? {
            samples[Scrape.key(name, labels)]
        }

        static func key(_ name: String, _ labels: [String: String]) -> String {
            name + "{" + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + "}"
        }
    }

    /// Reads `/metrics` with the token and parses it with `prometheus_client`, which throws on
    /// anything that is not valid exposition text.
    private static func scrape(_ harness: GatewayHarness) async throws -> Scrape {
        let script = """
        import json, sys, urllib.request
        from prometheus_client.parser import text_string_to_metric_families
        request = urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]})
        text = urllib.request.urlopen(request).read().decode("utf-8")
        samples, types = {}, {}
        for family in text_string_to_metric_families(text):
            types[family.name] = family.type
            for sample in family.samples:
                labels = ",".join(f"{k}={v}" for k, v in sorted(sample.labels.items()))
                samples[sample.name + "{" + labels + "}"] = sample.value
        print(json.dumps({"samples": samples, "types": types}))
        """
        let result = try await onOwnThread { [base = harness.base] in
            try TestPython.run(["-c", script, base + "/metrics", token])
        }
        try #require(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let samples = (object["samples"] as? [String: Any] ?? [:]).compactMapValues { ($0 as? NSNumber)?.doubleValue }
        return Scrape(samples: samples, types: object["types"] as? [String: String] ?? [:])
    }

    private static func encoded(_ url: String) -> String {
        url.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? url
    }
}
