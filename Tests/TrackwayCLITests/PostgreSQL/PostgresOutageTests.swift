import Foundation
import Testing
import TrackwayCore
import TrackwayStore
import TrackwayTesting

/// A `trackway serve` node whose PostgreSQL database goes away and comes back, as when the
/// host restarts or fails over its database server.
@Suite("a node on PostgreSQL through a database outage", .enabled(if: TestPostgres.server != nil, Comment(rawValue: TestPostgres.skipReason)))
struct PostgresOutageTests {
    static let post = "/2026/03/spring-tides/trackback/"

    @Test("healthz turns 503 while the database refuses the node, no ping is answered with success meanwhile, and the node recovers without a restart (pings and pages), also when all its sessions were ended")
    func outage() async throws {
        let database = try TemporaryPostgresDatabase()
        let folder = try TemporaryDirectory()
        try await TwoNodeTests.importSample(into: database)
        let node = try await onOwnThread {
            try ServerProcess.start(db: database.url.description, arguments: ["--rate-burst", "0", "--quiet"], log: folder.file("serve.log"))
        }
        defer { node.stop() }

        #expect(try await Self.health(of: node) == "200 ok")
        #expect(try await Self.trackback(from: "http://192.0.2.1/before", to: node).contains("<error>0</error>"))
        #expect(try await Self.status(of: "/2026/03/spring-tides/", on: node) == "200")

        // The database refuses new sessions and ends the node's open ones: what a server restart
        // or a failover looks like to the node.
        try await Self.psql(database, "ALTER DATABASE \(database.name) ALLOW_CONNECTIONS false")
        try await Self.psql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database.name)'")
        let down = try await Self.health(of: node)
        #expect(down.hasPrefix("503 database unreachable: "), "\(down)")
        let refused = try await Self.trackback(from: "http://192.0.2.1/during", to: node)
        #expect(!refused.contains("<error>0</error>"), "a ping answered with success while its database was down: \(refused)")

        try await Self.psql(database, "ALTER DATABASE \(database.name) ALLOW_CONNECTIONS true")
        var back = ""
        for _ in 0..<100 where back != "200 ok" {
            back = try await Self.health(of: node)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(back == "200 ok")
        let after = try await Self.trackback(from: "http://192.0.2.1/after", to: node)
        #expect(after.contains("<error>0</error>"), "\(after)")

        // Sessions ended by a restart that is already over: the node's kept connections are all
        // stale, and the next ping still lands, on new ones.
        try await Self.psql(database, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(database.name)'")
        let restarted = try await Self.trackback(from: "http://192.0.2.1/restarted", to: node)
        #expect(restarted.contains("<error>0</error>"), "\(restarted)")
        // The post's page, whose cache asks the database whether anything changed.
        #expect(try await Self.status(of: "/2026/03/spring-tides/", on: node) == "200")

        let stored = try Store(location: .postgres(database.url)).pings(limit: 1_000).filter { $0.origin == "gateway" }.map(\.sourceURL)
        #expect(stored.sorted() == ["http://192.0.2.1/after", "http://192.0.2.1/before", "http://192.0.2.1/restarted"])
    }

    /// `/healthz`'s status code and body, as one line.
    static func health(of node: ServerProcess) async throws -> String {
        let result = try await onOwnThread { try ChildProcess.tool("curl", ["-s", "-m", "10", "-w", " %{http_code}", node.base + "/healthz"]) }
        let body = result.stdout
        guard let space = body.lastIndex(of: " ") else { return body }
        return body[body.index(after: space)...] + " " + body[..<space].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The HTTP status of the sample's page at `path`.
    static func status(of path: String, on node: ServerProcess) async throws -> String {
        try await onOwnThread {
            try ChildProcess.tool("curl", ["-s", "-m", "10", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Host: harbour-notes.example", node.base + path]).stdout
        }
    }

    /// A TrackBack ping with curl to the sample's post; the answer's body.
    static func trackback(from source: String, to node: ServerProcess) async throws -> String {
        try await onOwnThread {
            try ChildProcess.tool("curl", [
                "-s", "-m", "20", "-H", "Host: harbour-notes.example",
                "--data-urlencode", "url=\(source)", "--data-urlencode", "title=Citing", "--data-urlencode", "blog_name=Citer",
                node.base + post,
            ]).stdout
        }
    }

    /// Runs one statement with psql as the test server's administrator.
    static func psql(_ database: TemporaryPostgresDatabase, _ statement: String) async throws {
        let server = try #require(TestPostgres.server)
        let result = try await onOwnThread { try ChildProcess.tool("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", server.url.description, "-c", statement]) }
        try #require(result.status == 0, "psql: \(result.stderr)")
    }
}
