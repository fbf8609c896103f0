import Foundation
import Testing
import TrackwayTesting

@Suite("the server killed with SIGKILL under concurrent pings keeps every ping it answered")
struct ServerKillTests {
    static let posts = [
        "http://harbour-notes.example/2026/03/spring-tides/",
        "http://harbour-notes.example/2026/04/mending-a-trawl-net/",
        "http://harbour-notes.example/about/",
    ]
    static let serveArguments = ["--rate-burst", "0", "--quiet", "--allow-private-sources"]

    /// One request of `Benchmarks/ping-traffic.py`, as its log line says.
    struct TrafficRecord: Decodable {
        var kind: String
        var post: String
        var source: String?
        var status: Int?
        var ok: Bool
        var error: String?
        var refused: Bool
    }

    /// A stored gateway ping: kind, the post's permalink and the source URL.
    struct StoredPing: Hashable {
        var kind: String
        var post: String
        var source: String
    }

    @Test("kill -9 in the middle of 8 clients pinging, then a restart: every ping answered with success is stored exactly once")
    func killedServerKeepsAnsweredPings() async throws {
        let directory = try TemporaryDirectory()
        let database = directory.file("gateway.sqlite")
        try await onOwnThread { try CommandLineHarness.importSample(into: database.path) }

        let requests = try await onOwnThread { try Self.pingAndKill(database: database, directory: directory) }
        let answered = Set(requests.filter(\.ok).compactMap(Self.ping))
        // Cut off by the kill: sent on a connection that then closed without an answer.
        let cut = Set(requests.filter { $0.status == nil && !$0.refused }.compactMap(Self.ping))
        let refused = requests.filter { !$0.ok && $0.status != nil }
        try #require(answered.count >= 150, "the load did not get going: \(Self.text(directory.file("load.txt")))")
        #expect(!cut.isEmpty, "the kill should cut requests in flight")
        #expect(refused.isEmpty, "before the kill every ping should succeed: \(refused.prefix(3))")

        let restarted = try await onOwnThread {
            try ServerProcess.start(database: database, arguments: Self.serveArguments, log: directory.file("serve-2.log"))
        }
        defer { restarted.stop() }
        let stored = try await onOwnThread { try Self.storedPings(database) }
        let storedSet = Set(stored)
        #expect(stored.count == storedSet.count, "pings stored twice: \(Dictionary(grouping: stored, by: { $0 }).filter { $0.value.count > 1 }.keys.prefix(5))")
        let lost = answered.subtracting(storedSet)
        #expect(lost.isEmpty, "\(lost.count) of \(answered.count) pings answered with success are not stored: \(lost.prefix(5))")
        // A ping cut off by the kill may or may not have been committed; nothing else may be stored.
        let unexplained = storedSet.subtracting(answered).subtracting(cut)
        #expect(unexplained.isEmpty, "stored pings no client got a success answer for: \(unexplained.prefix(5))")

        // The restarted server takes new pings on the same database, and still refuses the old ones.
        let afterStatus = try await onOwnThread {
            let after = try Self.traffic(
                server: restarted, run: "after", output: directory.file("after.txt"),
                ["--threads", "4", "--count", "30", "--mix", "pingback=1,trackback=1,get=1", "--db", database.path]
            )
            return after.waitForExit()
        }
        #expect(afterStatus == 0, "\(Self.text(directory.file("after.txt")))")
        let source = try #require(answered.first { $0.kind == "pingback" })
        let again = try await onOwnThread {
            try ChildProcess.tool("python3", ["-c", """
                import sys, xmlrpc.client
                try:
                    xmlrpc.client.ServerProxy(sys.argv[1]).pingback.ping(sys.argv[2], sys.argv[3])
                except xmlrpc.client.Fault as fault:
                    print(fault.faultCode)
                """, restarted.base + "/xmlrpc.php", source.source, source.post])
        }
        #expect(again.stdout == "48\n", "a ping stored before the kill is a duplicate after it: \(again.stdout)\(again.stderr)")
    }

    /// Serves `database`, runs 8 clients pinging it, SIGKILLs the server once 150 pings were
    /// answered, and returns every request the clients made.
    static func pingAndKill(database: URL, directory: TemporaryDirectory) throws -> [TrafficRecord] {
        let server = try ServerProcess.start(database: database, arguments: serveArguments, log: directory.file("serve-1.log"))
        defer { server.stop() }
        let log = directory.file("load.jsonl")
        let stopFile = directory.file("stop")
        let load = try traffic(
            server: server, run: "load", output: directory.file("load.txt"),
            ["--threads", "8", "--mix", "pingback=1,trackback=1", "--stop-file", stopFile.path, "--log", log.path, "--allow-errors"]
        )
        // Kill only once many pings were answered, so the kill lands in steady concurrent load.
        let deadline = Date().addingTimeInterval(120)
        while try records(log).filter(\.ok).count < 150, !load.hasExited, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        server.kill9()
        // The clients now meet a dead server; give those in flight time to record it, then stop them.
        Thread.sleep(forTimeInterval: 0.5)
        try Data().write(to: stopFile)
        load.waitForExit()
        return try records(log)
    }

    /// Starts `Benchmarks/ping-traffic.py` against `server` for the sample's open posts.
    static func traffic(server: ServerProcess, run: String, output: URL, _ arguments: [String]) throws -> Process {
        try Data().write(to: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CommandLineHarness.repositoryRoot.appendingPathComponent("Benchmarks/ping-traffic.py").path,
                             "--server", server.base, "--run", run] + posts.flatMap { ["--post", $0] } + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        return process
    }

    static func records(_ log: URL) throws -> [TrafficRecord] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        // The last line may still be being written.
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(TrafficRecord.self, from: Data($0.utf8)) }
    }

    static func ping(_ record: TrafficRecord) -> StoredPing? {
        record.source.map { StoredPing(kind: record.kind, post: record.post, source: $0) }
    }

    static func storedPings(_ database: URL) throws -> [StoredPing] {
        let rows = try SQLiteFile(database).query("""
            SELECT c.received_via, p.link, c.author_url FROM comments c JOIN posts p ON p.id = c.post_id
            WHERE c.origin = 'gateway' ORDER BY c.id
            """, separator: "\t")
        return rows.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return StoredPing(kind: fields[0], post: fields.count > 1 ? fields[1] : "", source: fields.count > 2 ? fields[2] : "")
        }
    }

    static func text(_ file: URL) -> String {
        (try? String(contentsOf: file, encoding: .utf8)) ?? ""
    }
}
