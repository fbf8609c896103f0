import Foundation
import Testing
@testable import TrackwayStore
import TrackwayTesting

/// The commands on a PostgreSQL database, through the built binary: the same results as on SQLite.
@Suite("Commands on PostgreSQL", .enabled(if: TestPostgres.server != nil, Comment(rawValue: TestPostgres.skipReason)))
struct PostgresCommandTests {
    static let samples = ["harbour-notes.wordpress.xml", "lighthouse-log.mt.txt"].map {
        CommandLineHarness.repositoryRoot.appendingPathComponent("Samples/\($0)").path
    }

    /// Runs `trackway` with `arguments`, requiring success.
    private func trackway(_ arguments: [String]) throws -> ProcessResult {
        let result = try CommandLineHarness.trackway(arguments)
        try #require(result.status == 0, "trackway \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// The stats as JSON text and the export of each site in `sites` (ids as the database
    /// numbered them; none for the only site), which must match between engines. The moment of
    /// the export (the generator comment's and the channel's date) is left out.
    private func results(of db: String, sites: [Int]? = nil) throws -> (stats: String, exports: [String]) {
        let stats = try trackway(["stats", "--json", "--db", db]).stdout
        let choices = sites.map { $0.map { ["--site", String($0)] } } ?? [[]]
        let exports = try choices.map { try Self.withoutExportTime(trackway(["export", "--db", db] + $0).output) }
        return (stats, exports)
    }

    private static func withoutExportTime(_ export: Data) -> String {
        var text = String(decoding: export, as: UTF8.self)
        text.replace(/\screated="[^"]*"/, with: " created=\"\"", maxReplacements: 1)
        text.replace(/<pubDate>[^<]*<\/pubDate>/, with: "<pubDate></pubDate>", maxReplacements: 1)
        return text
    }

    @Test("Samples/ imported into PostgreSQL give SQLite's stats and exports byte for byte, and a second import changes nothing")
    func samplesMatchSQLite() throws {
        let sqlite = try TemporaryStore()
        let postgres = try TemporaryStore(.postgres)
        _ = try trackway(["import", "--db", sqlite.path] + Self.samples)
        _ = try trackway(["import", "--db", postgres.path] + Self.samples)
        let again = try trackway(["import", "--json", "--db", postgres.path] + Self.samples)
        let summary = try #require(try CommandLineHarness.jsonObject(again.stdout)["summary"] as? [String: Any])
        let counts = summary.values.compactMap { $0 as? [String: Int] }
        #expect(counts.count > 5 && counts.allSatisfy { ($0["added"] ?? 0) + ($0["updated"] ?? 0) == 0 }, "\(summary)")
        let expected = try results(of: sqlite.path, sites: [1, 2])
        let actual = try results(of: postgres.path, sites: [1, 2])
        #expect(actual.stats == expected.stats)
        #expect(expected.exports.allSatisfy { $0.utf8.count > 1_000 })
        for (site, (left, right)) in zip(expected.exports, actual.exports).enumerated() {
            #expect(left == right, "site \(site + 1) exports differently from PostgreSQL")
        }
    }

    @Test("a Movable Type backup of three blogs, then a later one without some comments, give on PostgreSQL SQLite's stats and exports")
    func movableTypeBackupsMatchSQLite() throws {
        let directory = try TemporaryDirectory()
        let first = directory.file("first.xml").path
        let later = directory.file("later.xml").path
        for (arguments, output) in [([String](), first), (["--comments", "2"], later)] {
            try CommandLineHarness.generate("make-mt-backup.py", arguments + ["1", output])
        }
        let sqlite = try TemporaryStore()
        let postgres = try TemporaryStore(.postgres)
        var afterFirst: [(stats: String, exports: [String])] = []
        var afterLater: [(stats: String, exports: [String])] = []
        for db in [sqlite.path, postgres.path] {
            _ = try trackway(["import", "--db", db, first])
            afterFirst.append(try results(of: db, sites: [1, 2, 3]))
            _ = try trackway(["import", "--db", db, later])
            afterLater.append(try results(of: db, sites: [1, 2, 3]))
        }
        #expect(afterFirst[0].stats != afterLater[0].stats)
        #expect(afterFirst[1].stats == afterFirst[0].stats && afterFirst[1].exports == afterFirst[0].exports)
        #expect(afterLater[1].stats == afterLater[0].stats && afterLater[1].exports == afterLater[0].exports)
    }

    @Test("pings, rules, redirects and admin give on PostgreSQL what they give on SQLite")
    func ownerCommandsMatchSQLite() throws {
        let sqlite = try TemporaryStore()
        let postgres = try TemporaryStore(.postgres)
        var outputs: [[String]] = []
        for db in [sqlite.path, postgres.path] {
            _ = try trackway(["import", "--db", db] + Self.samples)
            let pings = try trackway(["pings", "list", "--json", "--db", db]).stdout
            let firstID = try #require(pings.firstMatch(of: /"id" : (\d+)/)?.1)
            let steps = [
                ["pings", "spam", String(firstID)], ["pings", "list"], ["pings", "block-site", "--host", "spam.example"],
                ["rules", "add", "moderation-keys", "casino"], ["rules", "set", "max-links", "5"], ["rules", "show", "--json"],
                ["pings", "restore", String(firstID)], ["pings", "empty-spam"], ["pings", "list", "--json"],
                ["redirects", "--site", "1", "--new-base", "https://new.example"], ["admin", "clear-password"],
            ]
            outputs.append([pings] + (try steps.map { try trackway($0 + ["--db", db]).stdout }))
        }
        #expect(outputs[0].count == 12 && outputs[0][0].contains("trackback"))
        #expect(outputs[1] == outputs[0])
    }

    @Test("an import killed with SIGKILL at several points, then run once more, gives the clean SQLite import's stats and export")
    func killedImportConverges() async throws {
        let directory = try TemporaryDirectory()
        let wxr = directory.file("synthetic.xml")
        try await onOwnThread { try CommandLineHarness.generate("make-wxr.py", ["--popular-comments", "300", "1", wxr.path]) }
        let arguments = ["--batch-size", "20", wxr.path]
        let clean = try TemporaryStore()
        let cleanPath = clean.path
        _ = try await onOwnThread { try self.trackway(["import", "--db", cleanPath] + arguments) }

        let interrupted = try TemporaryStore(.postgres)
        let interruptedPath = interrupted.path
        let fileSize = try #require(try FileManager.default.attributesOfItem(atPath: wxr.path)[.size] as? Int)
        var random = SplitMix64(seed: UInt64.random(in: 1...999_999))
        let points = KillPoint.draw(startUp: 1, startUpSeconds: 0.05, progress: 6, fileSize: fileSize, using: &random)
        let killed = try await onOwnThread {
            try points.filter { point in
                let process = Process()
                process.executableURL = CommandLineHarness.trackwayBinary
                process.arguments = ["import", "--db", interruptedPath] + arguments
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                try process.run()
                let killed = point.wait(for: process, reading: wxr)
                if killed { kill(process.processIdentifier, SIGKILL) }
                process.waitForExit()
                return killed
            }
        }
        #expect(killed.count >= 4, "only \(killed.count) of \(points.count) kills met a running import (\(points))")
        _ = try await onOwnThread { try self.trackway(["import", "--db", interruptedPath] + arguments) }
        // The only site, whatever its id: a batch a kill rolled back had used ids up, and
        // PostgreSQL's sequences do not roll back.
        let (expected, actual) = try await onOwnThread {
            (try self.results(of: cleanPath), try self.results(of: interruptedPath))
        }
        #expect(actual.stats == expected.stats)
        #expect(expected.exports[0].utf8.count > 500_000)
        #expect(actual.exports == expected.exports, "killed at \(killed)")
    }

    @Test("two migrate processes started at once on a new database both succeed, write the same WXR, and leave one schema")
    func concurrentMigrate() async throws {
        let target = try TemporaryPostgresDatabase()
        let directory = try TemporaryDirectory()
        let outputs = [directory.file("a.xml").path, directory.file("b.xml").path]
        let runs = try await withThrowingTaskGroup(of: ProcessResult.self) { group in
            for output in outputs {
                group.addTask {
                    try await onOwnThread {
                        try CommandLineHarness.trackway(["migrate", Self.samples[0], "--db", target.url.description, "--output", output])
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }
        let written = try outputs.map { Self.withoutExportTime(try Data(contentsOf: URL(fileURLWithPath: $0))) }
        #expect(written[0].utf8.count > 1_000)
        #expect(written[0] == written[1])
        let store = try Store(location: .postgres(target.url))
        let migrations = try store.database.statement("SELECT name, count(*) FROM schema_migrations GROUP BY name ORDER BY name").rows()
        #expect(migrations.map { $0.string(0) } == Schema.migrations.map(\.name).sorted())
        #expect(migrations.allSatisfy { $0.int(1) == 1 })
        #expect(try store.stats().sites == 1)
    }

    @Test("a database a newer Trackway migrated is refused by every command, with the URL but never its password")
    func newerSchemaRefused() throws {
        let target = try TemporaryStore(.postgres)
        try target.store.database.statement("INSERT INTO schema_migrations(name) VALUES (?)").run("99-from-the-future")
        guard case .postgres(let url) = target.location else { return }
        let withPassword = "postgresql://trackway:pa55word@\(url.host):\(url.port ?? 5432)/\(url.database)"
        for arguments in [["stats"], ["import", Self.samples[0]], ["pings", "list"], ["rules", "show"], ["export"]] {
            let result = try ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/env"),
                ["\(StoreLocation.environmentVariable)=\(withPassword)", CommandLineHarness.trackwayBinary.path] + arguments
            )
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("\(target.path) was written by a newer Trackway (schema 99"), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("pa55word"))
        }
    }

    @Test("a malformed database URL ends a command with what was expected, never the password")
    func malformedURL() throws {
        let result = try CommandLineHarness.trackway(["stats", "--db", "postgresql://me:pa55word@127.0.0.1:99999/blogs"])
        #expect(result.status == 1)
        #expect(result.stderr == "trackway stats: database URL has port '99999', expected a number from 1 to 65535\n")
    }
}
