import Foundation
import Synchronization
import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

/// Two `trackway serve` nodes on one PostgreSQL database (the test cluster scripts/test.sh
/// starts), as a host runs them behind a load balancer.
@Suite("two gateway nodes on one PostgreSQL database", .enabled(if: TestPostgres.server != nil, Comment(rawValue: TestPostgres.skipReason)))
struct TwoNodeTests {
    static let posts = [
        "http://harbour-notes.example/2026/03/spring-tides/",
        "http://harbour-notes.example/2026/04/mending-a-trawl-net/",
        "http://harbour-notes.example/about/",
    ]

    /// One ping a client sent, and what became of it.
    struct Sent: Sendable, Decodable {
        var node: String
        var kind: String
        var source: String
        /// A success answer (TrackBack error 0, a pingback's string).
        var ok: Bool
        /// Some answer came back (a success or a refusal), so the node was alive to give it.
        var answered: Bool
        /// The connection was refused: the request never reached a node.
        var refused: Bool
        /// Seconds since 1970 when the answer (or the failure) came.
        var at: Double
    }

    @Test("kill -9 of one node mid-load: every ping answered with success is stored once, each queued check runs once unless its lease expired, and the survivor answers throughout")
    func nodeKilledMidLoad() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        try await Self.importSample(into: database)
        let site = try TestSite()
        defer { site.stop() }
        // One trackback source in ten answers slowly (a second), so that the killed node dies with
        // checks in flight; the rest answer at once, so that the queue drains in seconds (a node
        // fetches at most 4 pages at a time from one host, and every source here is on one).
        let links = Self.posts.map { "<p><a href=\"\($0)\">a post</a></p>" }.joined()
        let page = "<html><head><title>Citing</title></head><body>\(links)</body></html>"
        try site.serve([
            "/tb/slow/*": .init(headers: [("Content-Type", "text/html")], body: page, delay: Self.sourceDelay),
            "/tb/*": .init(headers: [("Content-Type", "text/html")], body: page),
            "/pb/*": .init(headers: [("Content-Type", "text/html")], body: page),
        ])
        let nodes = try await onOwnThread {
            try ["a", "b"].map { name in
                try ServerProcess.start(db: database.url.description, arguments: [
                    "--rate-burst", "0", "--quiet", "--allow-private-sources", "--queue-lease", String(Self.leaseSeconds),
                    "--public-url", "http://node-\(name).test",
                ], log: folder.file("serve-\(name).log"))
            }
        }
        defer { for node in nodes { node.stop() } }

        let trackbacks = TrackbackClients()
        let stopFile = folder.file("stop")
        let pingbackLog = folder.file("pingbacks.jsonl")
        let pingbackClients = Task { try await onOwnThread { try Self.sendPingbacks(to: nodes, site: site, log: pingbackLog, stopFile: stopFile) } }
        let trackbackClients = (0..<3).map { worker in
            Task {
                try await onOwnThread {
                    var count = 0
                    while !trackbacks.stopped.withLock({ $0 }) {
                        let sent = try Self.sendTrackback(to: nodes, number: worker * 100_000 + count, site: site)
                        trackbacks.sent.withLock { $0.append(sent) }
                        count += 1
                    }
                }
            }
        }
        func sentSoFar() -> [Sent] { trackbacks.sent.withLock { $0 } + Self.records(pingbackLog) }

        // Node a dies once both kinds are flowing through both nodes, in the middle of fetching
        // slow trackback source (one it began less than half the source's delay ago).
        try await Self.waitUntil("40 trackbacks and 40 pingbacks answered, node a checking a source") {
            let sent = sentSoFar().filter(\.ok)
            let now = Date().timeIntervalSince1970
            return try sent.filter { $0.kind == "trackback" }.count >= 40 && sent.filter { $0.kind == "pingback" }.count >= 40
                && site.received().contains { fetch in
                    (fetch["path"] as? String)?.hasPrefix("/tb/slow/") == true && (fetch["user_agent"] as? String)?.contains("node-a.test") == true
                        && (fetch["at"] as? Double ?? 0) > now - Self.sourceDelay / 2
                }
        }
        nodes[0].kill9()
        let killedAt = Date().timeIntervalSince1970
        try await Self.waitUntil("30 pings answered by node b after the kill") {
            sentSoFar().filter { $0.node == "b" && $0.ok && $0.at > killedAt }.count >= 30
        }
        trackbacks.stopped.withLock { $0 = true }
        try Data().write(to: stopFile)
        for client in trackbackClients { try await client.value }
        try await pingbackClients.value

        let sent = sentSoFar()
        let store = try Store(location: .postgres(database.url))
        try await Self.waitUntil("the verification queue drained", seconds: 120) {
            try store.pings(limit: 100_000).allSatisfy { $0.verification != .queued }
        } progress: {
            "\(try store.pings(limit: 100_000).filter { $0.verification == .queued }.count) of \(sent.filter { $0.kind == "trackback" && $0.ok }.count) trackbacks still queued"
        }
        let stored = try store.pings(limit: 100_000).filter { $0.origin == "gateway" }

        // Every ping answered with success is stored exactly once; nothing else is stored but
        // pings cut off by the kill (sent to node a, never answered).
        let storedSources = stored.map(\.sourceURL)
        let answered = Set(sent.filter(\.ok).map(\.source))
        let cut = Set(sent.filter { !$0.answered && !$0.refused }.map(\.source))
        #expect(storedSources.count == Set(storedSources).count, "stored twice: \(Dictionary(grouping: storedSources) { $0 }.filter { $0.value.count > 1 }.keys.prefix(5))")
        #expect(answered.subtracting(storedSources).isEmpty, "answered with success, not stored: \(answered.subtracting(storedSources).prefix(5))")
        #expect(Set(storedSources).subtracting(answered).subtracting(cut).isEmpty)
        // The survivor answered every request, before the kill and after it.
        let survivor = sent.filter { $0.node == "b" }
        #expect(survivor.allSatisfy { $0.ok }, "node b failed: \(survivor.filter { !$0.ok }.prefix(3))")
        #expect(survivor.filter { $0.at > killedAt }.count >= 30)

        // Each stored trackback was checked and approved; each source was fetched once, and
        // twice only when node a had claimed it and died with it: node a fetched it before the
        // kill, node b after it (the lease expired, and node b checked it again).
        let storedTrackbacks = stored.filter { $0.kind == .trackback }
        #expect(storedTrackbacks.allSatisfy { $0.verification == .verified && $0.status == .approved })
        var fetchTimes: [String: [(node: String, at: Double)]] = [:]
        for fetch in try site.received() {
            guard let path = fetch["path"] as? String, path.hasPrefix("/tb/") else { continue }
            let node = (fetch["user_agent"] as? String ?? "").contains("node-a.test") ? "a" : "b"
            fetchTimes[site.url(path), default: []].append((node, fetch["at"] as? Double ?? 0))
        }
        var passedOn = 0
        for trackback in storedTrackbacks {
            let fetches = fetchTimes[trackback.sourceURL] ?? []
            let leaseExpired = fetches.count == 2 && fetches[0].node == "a" && fetches[0].at < killedAt
                && fetches[1].node == "b" && fetches[1].at > killedAt
            #expect(fetches.count == 1 || leaseExpired, "\(trackback.sourceURL) fetched \(fetches)")
            if leaseExpired { passedOn += 1 }
        }
        // The check node a was in the middle of when it died.
        #expect(passedOn >= 1)
    }

    @Test("a client's rate limit holds across the nodes: its pings count on both")
    func sharedRateLimit() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        try await Self.importSample(into: database)
        let nodes = try await onOwnThread {
            try ["a", "b"].map { name in
                // A window of five hours (3 pings at 0.01 a minute), so that the four pings never
                // straddle the start of a new one, as they could a 3-minute window's on a loaded machine.
                try ServerProcess.start(db: database.url.description, arguments: ["--rate-burst", "3", "--rate-per-minute", "0.01", "--quiet"],
                                        log: folder.file("serve-\(name).log"))
            }
        }
        defer { for node in nodes { node.stop() } }
        var statuses: [Int] = []
        for number in 0..<4 {
            let result = try await onOwnThread {
                try ChildProcess.tool("curl", [
                    "-s", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: harbour-notes.example",
                    "-d", "url=http://192.0.2.1/\(number)&title=T&blog_name=B", nodes[number % 2].base + "/2026/03/spring-tides/trackback/",
                ])
            }
            statuses.append(Int(result.stdout) ?? 0)
        }
        // Two pings through each node: the fourth is over the limit of three, wherever it lands.
        #expect(statuses == [200, 200, 200, 429])
    }

    @Test("a console session started on one node works on the other, a rule saved through one holds on the other, and logging out ends the session on both")
    func consoleAcrossNodes() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        try await Self.importSample(into: database)
        let db = database.url.description
        let set = try await onOwnThread {
            try ChildProcess.run(CommandLineHarness.trackwayBinary, ["admin", "set-password", "--db", db], input: Data("quay 1987\n".utf8))
        }
        try #require(set.status == 0, "\(set.stderr)")
        let nodes = try await onOwnThread {
            try ["a", "b"].map { name in try ServerProcess.start(db: db, arguments: ["--rate-burst", "0"], log: folder.file("serve-\(name).log")) }
        }
        defer { for node in nodes { node.stop() } }
        let jar = folder.file("jar").path
        func curl(_ arguments: [String]) async throws -> String {
            try await onOwnThread { try ChildProcess.tool("curl", ["-s", "-c", jar, "-b", jar] + arguments).stdout }
        }
        func csrf(on node: ServerProcess, _ path: String) async throws -> String {
            let page = try await curl([node.base + path])
            return String(try #require(page.firstMatch(of: /name="csrf" value="([0-9a-f]{64})"/), "no form at \(path): \(page.prefix(300))").1)
        }

        let loginToken = try await csrf(on: nodes[0], "/trackway/admin/login")
        let login = try await curl(["-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "csrf=\(loginToken)",
                                    "--data-urlencode", "password=quay 1987", nodes[0].base + "/trackway/admin/login"])
        #expect(login == "303")
        // Node b knows the session node a started, with its form token.
        let token = try await csrf(on: nodes[1], "/trackway/admin/rules")
        let saved = try await curl(["-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "csrf=\(token)",
                                    "-d", "max-links=2", "--data-urlencode", "blocked-hosts=casino.example", nodes[1].base + "/trackway/admin/rules"])
        #expect(saved == "303")
        // The rules' version as saved (psql, not our code), which node a must load.
        let read = try await onOwnThread { try ChildProcess.tool("psql", ["-X", "-tA", db, "-c", "SELECT version FROM spam_rules_version"]) }
        let version = try #require(Int(read.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "psql: \(read.stderr)")
        #expect(version > 0)
        try await onOwnThread { try nodes[0].waitForSpamRules(version: version) }
        func trackback(from source: String) async throws -> String {
            try await curl(["-H", "Host: harbour-notes.example", "--data-urlencode", "url=\(source)", "-d", "title=T", "-d", "blog_name=B",
                            nodes[0].base + "/2026/03/spring-tides/trackback/"])
        }
        #expect(try await trackback(from: "http://casino.example/win").contains("<error>1</error>"))
        #expect(try await trackback(from: "http://192.0.2.1/citing").contains("<error>0</error>"))

        // Logging out on node a ends the session node b knew too.
        let logout = try await curl(["-o", "/dev/null", "-w", "%{http_code}", "--data-urlencode", "csrf=\(token)", nodes[0].base + "/trackway/admin/logout"])
        #expect(logout == "303")
        let after = try await curl(["-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", nodes[1].base + "/trackway/admin/"])
        #expect(after.hasPrefix("303 ") && after.hasSuffix("/trackway/admin/login"), "\(after)")
    }

    /// What the TrackBack clients sent, and whether they are to stop.
    final class TrackbackClients: Sendable {
        let sent = Mutex<[Sent]>([])
        let stopped = Mutex(false)
    }

    /// Seconds a slow trackback source takes to answer.
    static let sourceDelay = 1.0

    /// Seconds a node holds a check it claimed: short, so the dead node's checks pass on soon.
    static let leaseSeconds = 6

    static func importSample(into database: TemporaryPostgresDatabase) async throws {
        try await onOwnThread { try CommandLineHarness.importSample(into: database.url.description) }
    }

    /// One TrackBack ping with curl, to node a or b by turns, for one of the posts.
    static func sendTrackback(to nodes: [ServerProcess], number: Int, site: TestSite) throws -> Sent {
        let node = number % 2 == 0 ? 0 : 1
        let source = site.url(number % 10 == 0 ? "/tb/slow/\(number)" : "/tb/\(number)")
        let post = posts[number % posts.count]
        let result = try ChildProcess.tool("curl", [
            "-s", "-m", "30", "-w", "\n%{http_code}", "-H", "Host: harbour-notes.example",
            "--data-urlencode", "url=\(source)", "--data-urlencode", "title=Citing \(number)", "--data-urlencode", "blog_name=Citer",
            nodes[node].base + (URL(string: post)?.path ?? "/") + "/trackback/",
        ])
        // curl's 7: nothing listened (the node is dead); other failures: no answer came.
        let answered = result.status == 0 && result.stdout.hasSuffix("\n200")
        return Sent(node: node == 0 ? "a" : "b", kind: "trackback", source: source,
                    ok: answered && result.stdout.contains("<error>0</error>"), answered: answered, refused: result.status == 7,
                    at: Date().timeIntervalSince1970)
    }

    /// Pingbacks with Python's xmlrpc.client from 3 threads, to node a or b by turns, until
    /// `stopFile` exists; one JSON line each in `log` (the fields of `Sent`).
    static func sendPingbacks(to nodes: [ServerProcess], site: TestSite, log: URL, stopFile: URL) throws {
        let script = """
            import json, os, sys, threading, time, xmlrpc.client
            nodes, site, log_path, stop_path = sys.argv[1:3], sys.argv[3], sys.argv[4], sys.argv[5]
            posts = sys.argv[6:]
            lock = threading.Lock()
            log = open(log_path, "w")
            class OneTry(xmlrpc.client.Transport):
                # xmlrpc.client sends a call again when the connection was reset; a call the
                # killed node stored before it died would then count as refused, not cut off.
                def request(self, host, handler, request_body, verbose=False):
                    return self.single_request(host, handler, request_body, verbose)
            def client(worker):
                number = 0
                while not os.path.exists(stop_path):
                    node = number % 2
                    source = "%s/pb/%d-%d" % (site, worker, number)
                    entry = {"node": "ab"[node], "kind": "pingback", "source": source, "ok": False, "answered": False, "refused": False}
                    try:
                        xmlrpc.client.ServerProxy(nodes[node] + "/xmlrpc.php", transport=OneTry()).pingback.ping(source, posts[number % len(posts)])
                        entry["ok"] = entry["answered"] = True
                    except xmlrpc.client.Fault:
                        entry["answered"] = True
                    except ConnectionRefusedError:
                        entry["refused"] = True
                    except (OSError, xmlrpc.client.ProtocolError):
                        pass
                    entry["at"] = time.time()
                    with lock:
                        log.write(json.dumps(entry) + "\\n")
                        log.flush()
                    if entry["refused"]:
                        time.sleep(0.02)
                    number += 1
            threads = [threading.Thread(target=client, args=(worker,)) for worker in range(3)]
            for thread in threads: thread.start()
            for thread in threads: thread.join()
            """
        let result = try TestPython.run(["-c", script] + nodes.map(\.base) + [site.base, log.path, stopFile.path] + posts)
        guard result.status == 0 else { throw HarnessError(message: "the pingback clients failed: \(result.stderr)") }
    }

    /// The pingbacks logged so far (the last line may still be being written).
    static func records(_ log: URL) -> [Sent] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(Sent.self, from: Data($0.utf8)) }
    }

    /// Waits until `condition` holds, checking every 50 ms; throws after `seconds`, with what
    /// `progress` says of how far it got.
    static func waitUntil(
        _ what: String, seconds: Double = 90, _ condition: () throws -> Bool, progress: () throws -> String = { "" }
    ) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while try !condition() {
            guard Date() < deadline else { throw HarnessError(message: "waited \(Int(seconds)) s for: \(what) \(try progress())") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}
