import Foundation
import Testing
import TrackwayTesting

@Suite("an import killed with SIGKILL at any moment completes on the next run")
struct InterruptedImportTests {
    /// Set TRACKWAY_KILL_SEED to replay the kill points of a failed run.
    static let seed = ProcessInfo.processInfo.environment["TRACKWAY_KILL_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999)

    /// What one killed run left: whether the kill met a running import, and SQLite's integrity check.
    struct KilledRun: Sendable {
        var point: KillPoint
        var killed: Bool
        var integrity: String?
    }

    @Test("kill -9 at 24 random points from start-up to the last commit, then one more run, gives exactly the database of a clean import")
    func killedImportsConverge() async throws {
        let replay = "seed \(Self.seed), replay with TRACKWAY_KILL_SEED=\(Self.seed)"
        let directory = try TemporaryDirectory()
        let wxr = directory.file("synthetic.xml")
        // Every 50th post has 600 more comments, so some posts arrive in pieces across batches.
        try await onOwnThread { try CommandLineHarness.generate("make-wxr.py", ["--popular-comments", "600", "4", wxr.path]) }
        let arguments = ["--batch-size", "25", wxr.path]

        let clean = directory.file("clean.sqlite")
        let cleanRun = try await onOwnThread { try CommandLineHarness.trackway(["import", "--db", clean.path] + arguments) }
        try #require(cleanRun.status == 0, "\(cleanRun.stderr)")

        let interrupted = directory.file("interrupted.sqlite")
        let fileSize = try #require(try FileManager.default.attributesOfItem(atPath: wxr.path)[.size] as? Int)
        var random = SplitMix64(seed: Self.seed)
        let points = KillPoint.draw(startUp: 3, startUpSeconds: 0.05, progress: 21, fileSize: fileSize, using: &random)
        let runs = try await onOwnThread {
            try points.map { point in try Self.importAndKill(at: point, database: interrupted, arguments: arguments, input: wxr) }
        }
        for run in runs {
            #expect((run.integrity ?? "ok") == "ok", "\(replay): killed \(run.point), the database is damaged: \(run.integrity ?? "")")
        }
        let killed = runs.filter(\.killed).map(\.point)
        #expect(killed.count >= 20, "\(replay): only \(killed.count) of \(points.count) kills met a running import (\(points))")

        let final = try await onOwnThread { try CommandLineHarness.trackway(["import", "--db", interrupted.path] + arguments) }
        try #require(final.status == 0, "\(replay): \(final.stderr)")
        let (expected, actual) = try await onOwnThread {
            (try SQLiteFile(clean).content(), try SQLiteFile(interrupted).content())
        }
        #expect(expected.count > 1_000_000)
        let difference = Self.firstDifference(expected, actual)
        #expect(difference == nil, "\(replay): killed \(killed); \(difference ?? "")")
    }

    /// Starts an import into `database`, SIGKILLs it at `point`, and checks the database it left.
    static func importAndKill(at point: KillPoint, database: URL, arguments: [String], input: URL) throws -> KilledRun {
        let process = Process()
        process.executableURL = CommandLineHarness.trackwayBinary
        process.arguments = ["import", "--db", database.path] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let killed = point.wait(for: process, reading: input)
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitForExit()
        // A kill before the database file was created leaves nothing to check.
        guard FileManager.default.fileExists(atPath: database.path) else { return KilledRun(point: point, killed: killed) }
        let integrity: String
        do {
            integrity = try SQLiteFile(database).query("PRAGMA integrity_check")
        } catch {
            integrity = "\(error)"
        }
        return KilledRun(point: point, killed: killed, integrity: integrity)
    }

    /// The first line where two database dumps differ, short enough to read in a failure message.
    static func firstDifference(_ expected: String, _ actual: String) -> String? {
        guard expected != actual else { return nil }
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let index = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
        func line(_ lines: [Substring]) -> String { index < lines.count ? String(lines[index].prefix(300)) : "(end)" }
        return "line \(index + 1) of \(left.count) differs: clean import has \(line(left)), after the kills \(line(right)) (\(right.count) lines)"
    }
}
