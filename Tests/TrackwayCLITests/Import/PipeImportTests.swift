import Foundation
import Testing
import TrackwayTesting

/// `trackway import /dev/stdin`, or `<(xzcat blog.xml.xz)`: an export read from a pipe, front to
/// back, once.
@Suite("trackway import from a pipe")
struct PipeImportTests {
    let samples = CommandLineHarness.repositoryRoot.appendingPathComponent("Samples")
    let backup = CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Fixtures/mt-backup/tea-and-coffee-backup.xml")

    /// Runs `producer | trackway ARGUMENTS /dev/stdin` through sh; `producer` gets the file as $1.
    private func piped(_ producer: String, _ file: URL, _ arguments: [String]) throws -> ProcessResult {
        try ChildProcess.tool("sh", ["-c", "\(producer) \"$1\" | { shift; exec \"$0\" \"$@\" /dev/stdin; }",
                                     CommandLineHarness.trackwayBinary.path, file.path] + arguments)
    }

    @Test("WXR, a gzip-compressed MT backup and an MT text export with --site-key give the database their files give")
    func pipesImportAsFilesDo() throws {
        let directory = try TemporaryDirectory()
        let fromFiles = directory.file("files.sqlite"), fromPipes = directory.file("pipes.sqlite")
        let wxr = samples.appendingPathComponent("harbour-notes.wordpress.xml")
        let text = samples.appendingPathComponent("lighthouse-log.mt.txt")
        let direct = try CommandLineHarness.trackway(["import", "--db", fromFiles.path, wxr.path, backup.path, text.path])
        try #require(direct.status == 0, "\(direct.stderr)")

        for (producer, file, extra) in [("cat", wxr, [String]()), ("gzip -c", backup, []), ("cat", text, ["--site-key", "mt:lighthouse-log"])] {
            let result = try piped(producer, file, ["import", "--db", fromPipes.path] + extra)
            #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
            #expect(result.stdout.contains("imported /dev/stdin"), "\(result.stdout)")
        }
        #expect(try SQLiteFile(fromPipes).content() == SQLiteFile(fromFiles).content())
    }

    @Test("what a pipe cannot give is refused with the way out: an MT text export's site name, a .zip, a root element past 8 MB")
    func pipeLimitsAreExplained() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("refused.sqlite")
        let text = samples.appendingPathComponent("lighthouse-log.mt.txt")
        let unnamed = try piped("cat", text, ["import", "--db", db.path])
        #expect(unnamed.status == 1)
        #expect(unnamed.stderr.contains("/dev/stdin: a Movable Type export names its site after its file, and this is a pipe: name the site with --site-key"), "\(unnamed.stderr)")

        let zip = directory.file("site.zip")
        let zipped = try ChildProcess.tool("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1], 'w').write(sys.argv[2], 'blog.xml')",
                                                       zip.path, samples.appendingPathComponent("harbour-notes.wordpress.xml").path])
        try #require(zipped.status == 0, "\(zipped.stderr)")
        let fromZip = try piped("cat", zip, ["import", "--db", db.path])
        #expect(fromZip.status == 1)
        #expect(fromZip.stderr.contains("a .zip is read from a file, not a pipe"), "\(fromZip.stderr)")

        // A 9 MB comment before the root element: the format is found past what a pipe keeps.
        let wxr = try String(contentsOf: samples.appendingPathComponent("harbour-notes.wordpress.xml"), encoding: .utf8)
        let declarationEnd = try #require(wxr.range(of: "?>")).upperBound
        let long = try directory.write("<?xml version=\"1.0\"?>\n<!--" + String(repeating: "x", count: 9 << 20) + "-->" + wxr[declarationEnd...], to: "long.xml")
        let fromLong = try piped("cat", long, ["import", "--db", db.path])
        #expect(fromLong.status == 1)
        #expect(fromLong.stderr.contains("a pipe is read once, and its root element was not in its first 8 MB: save it to a file"), "\(fromLong.stderr)")
        #expect(try SQLiteFile(db).query("SELECT count(*) FROM sites") == "0")
        let fromFile = try CommandLineHarness.trackway(["import", "--db", db.path, long.path])
        #expect(fromFile.status == 0, "\(fromFile.stderr)")
    }
}
