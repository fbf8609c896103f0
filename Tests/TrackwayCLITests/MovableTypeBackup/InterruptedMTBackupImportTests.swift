import Foundation
import Testing
import TrackwayTesting

@Suite("a Movable Type backup import killed with SIGKILL at any moment completes on the next run")
struct InterruptedMTBackupImportTests {
    @Test("kill -9 at 16 random points of a backup import (posts, then their terms, URLs, targets, pings and comments), then one more run, gives the clean import's database")
    func killedBackupImportsConverge() async throws {
        let seed = InterruptedImportTests.seed
        let replay = "seed \(seed), replay with TRACKWAY_KILL_SEED=\(seed)"
        let directory = try TemporaryDirectory()
        let backup = directory.file("backup.xml")
        try await onOwnThread { try CommandLineHarness.generate("make-mt-backup.py", ["3", backup.path]) }
        let arguments = ["--batch-size", "25", backup.path]

        let clean = directory.file("clean.sqlite")
        let cleanRun = try await onOwnThread { try CommandLineHarness.trackway(["import", "--db", clean.path] + arguments) }
        try #require(cleanRun.status == 0, "\(cleanRun.stderr)")

        let interrupted = directory.file("interrupted.sqlite")
        let fileSize = try #require(try FileManager.default.attributesOfItem(atPath: backup.path)[.size] as? Int)
        var random = SplitMix64(seed: seed)
        let points = KillPoint.draw(startUp: 2, startUpSeconds: 0.05, progress: 14, fileSize: fileSize, using: &random)
        let runs = try await onOwnThread {
            try points.map { point in
                try InterruptedImportTests.importAndKill(at: point, database: interrupted, arguments: arguments, input: backup)
            }
        }
        for run in runs {
            #expect((run.integrity ?? "ok") == "ok", "\(replay): killed \(run.point), the database is damaged: \(run.integrity ?? "")")
        }
        let killed = runs.filter(\.killed).map(\.point)
        #expect(killed.count >= 10, "\(replay): only \(killed.count) of \(points.count) kills met a running import (\(points))")

        let final = try await onOwnThread { try CommandLineHarness.trackway(["import", "--db", interrupted.path] + arguments) }
        try #require(final.status == 0, "\(replay): \(final.stderr)")
        let (expected, actual) = try await onOwnThread {
            (try SQLiteFile(clean).content(), try SQLiteFile(interrupted).content())
        }
        #expect(try SQLiteFile(clean).query("SELECT count(*) FROM trackback_targets") != "0")
        let difference = InterruptedImportTests.firstDifference(expected, actual)
        #expect(difference == nil, "\(replay): killed \(killed); \(difference ?? "")")
    }
}
