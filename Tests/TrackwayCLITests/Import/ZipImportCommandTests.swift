import Foundation
import Testing
import TrackwayTesting

@Suite("trackway import site.zip, run as a user runs it")
struct ZipImportCommandTests {
    let samples = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples")

    func stats(_ db: URL) throws -> [String: Int] {
        let result = try CommandLineHarness.trackway(["stats", "--db", db.path, "--json"])
        try #require(result.status == 0, "stats failed: \(result.stderr)")
        return try CommandLineHarness.jsonObject(result.stdout).compactMapValues { $0 as? Int }
    }

    @Test("a zip of the samples imports with exit status 0, each entry named in the summary, as the files named one by one do")
    func zipImportsAsItsFiles() throws {
        let directory = try TemporaryDirectory()
        let wxr = samples.appendingPathComponent("harbour-notes.wordpress.xml")
        let mt = samples.appendingPathComponent("lighthouse-log.mt.txt")
        let archive = try PythonZip.write([
            .init(name: "lighthouse-log.mt.txt", bytes: Array(try Data(contentsOf: mt)), deflated: false),
            .init(name: "harbour-notes.wordpress.xml", bytes: Array(try Data(contentsOf: wxr))),
        ], to: directory.file("site.zip"))
        let zipDB = directory.file("zip.sqlite")
        let zipped = try CommandLineHarness.trackway(["import", "--db", zipDB.path, "--json", archive.path])
        #expect(zipped.status == 0, "\(zipped.stderr)")
        let files = try #require(try CommandLineHarness.jsonObject(zipped.stdout)["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["file"] as? String } == ["harbour-notes.wordpress.xml", "lighthouse-log.mt.txt"].map { "\(archive.path):\($0)" })
        #expect(files.compactMap { $0["format"] as? String } == ["wxr", "movableType"])
        let filesDB = directory.file("files.sqlite")
        let oneByOne = try CommandLineHarness.trackway(["import", "--db", filesDB.path, wxr.path, mt.path])
        try #require(oneByOne.status == 0, "\(oneByOne.stderr)")
        #expect(try SQLiteFile(zipDB).content() == SQLiteFile(filesDB).content())
        #expect(try stats(zipDB)["posts"] ?? 0 > 0)

        // Run again, the table says every record is unchanged.
        let again = try CommandLineHarness.trackway(["import", "--db", zipDB.path, archive.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("imported \(archive.path):harbour-notes.wordpress.xml (wxr)"), "\(again.stdout)")
        let postRow = again.stdout.split(separator: "\n").first { $0.hasPrefix("post ") }
        #expect(postRow?.split(separator: " ").map(String.init) == ["post", "0", "0", "\(try stats(zipDB)["posts"] ?? -1)", "0"])
    }

    @Test("a zip holding an entry outside the archive is refused with exit status 1 and a reason naming archive:entry, writing nothing")
    func foreignEntryIsRefused() throws {
        let directory = try TemporaryDirectory()
        let wxr = Array(try Data(contentsOf: samples.appendingPathComponent("harbour-notes.wordpress.xml")))
        let archive = try PythonZip.write([.init(name: "a.xml", bytes: wxr), .init(name: "../evil.xml", bytes: wxr)], to: directory.file("site.zip"))
        let db = directory.file("refused.sqlite")
        let result = try CommandLineHarness.trackway(["import", "--db", db.path, archive.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(archive.path):../evil.xml: the entry's path leads out of the archive"), "\(result.stderr)")
        #expect(try stats(db)["posts"] == 0)
    }
}
