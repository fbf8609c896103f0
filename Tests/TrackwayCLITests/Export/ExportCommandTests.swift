import Foundation
import Testing
import TrackwayTesting

@Suite("trackway export, run as a user runs it")
struct ExportCommandTests {
    @Test("exporting over an existing file replaces it whole")
    func exportReplacesAnExistingFile() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("site.sqlite")
        let export = directory.file("export.xml")
        let sample = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples/harbour-notes.wordpress.xml")
        let imported = try CommandLineHarness.trackway(["import", "--db", db.path, sample.path])
        try #require(imported.status == 0, "import failed: \(imported.stderr)")
        try Data("an older export".utf8).write(to: export)
        for run in 1...2 {
            let exported = try CommandLineHarness.trackway(["export", "--db", db.path, "--output", export.path])
            #expect(exported.status == 0, "export \(run) failed: \(exported.stderr)")
            let lint = try ChildProcess.tool("xmllint", ["--noout", export.path])
            #expect(lint.status == 0, "export \(run) is not well-formed: \(lint.stderr)")
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }
}
