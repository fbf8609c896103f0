import Foundation
import Testing

@Suite("an import killed with SIGKILL at any moment completes on the next run")
struct InterruptedImportTests {
    @Test("kill -9 at several points, then one more run, gives exactly the database of a clean import")
    func killedImportsConverge() throws {
        let directory = try CommandLineHarness.temporaryDirectory()
        let wxr = directory.appendingPathComponent("synthetic.xml")
        let generator = CommandLineHarness.repositoryRoot.appendingPathComponent("Benchmarks/make-wxr.py")
        let generated = try CommandLineHarness.tool("python3", [generator.path, "6", wxr.path])
        try #require(generated.status == 0, "\(generated.stderr)")

        let clean = directory.appendingPathComponent("clean.sqlite")
        let started = Date()
        let cleanRun = try CommandLineHarness.trackway(["import", "--db", clean.path, "--batch-size", "25", wxr.path])
        try #require(cleanRun.status == 0, "\(cleanRun.stderr)")
        let duration = Date().timeIntervalSince(started)

        let interrupted = directory.appendingPathComponent("interrupted.sqlite")
        // Kill points spread over the whole run, including very early (schema creation) ones.
        let fractions = [0.02, 0.1, 0.25, 0.4, 0.55, 0.7, 0.85, 0.95]
        var killed = 0
        for fraction in fractions {
            let process = Process()
            process.executableURL = CommandLineHarness.trackwayBinary
            process.arguments = ["import", "--db", interrupted.path, "--batch-size", "25", wxr.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: duration * fraction)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
        }
        #expect(killed >= fractions.count / 2, "the import finished before most kill points; make the file larger")
        let final = try CommandLineHarness.trackway(["import", "--db", interrupted.path, "--batch-size", "25", wxr.path])
        try #require(final.status == 0, "\(final.stderr)")
        let expected = try CommandLineHarness.databaseContent(clean)
        let actual = try CommandLineHarness.databaseContent(interrupted)
        #expect(expected.count > 1_000_000)
        #expect(actual == expected)
    }
}
