import Foundation
import Testing
import TrackwayPipeline
import TrackwayStore
import TrackwayTesting

@Suite("The pipeline in process and the trackway command agree")
struct PipelineExportTests {
    /// The instant a document's channel `pubDate` names (`Sat, 01 Jun 2024 00:00:00 +0000`).
    func pubDate(of document: String) throws -> Date {
        let text = try #require(document.firstMatch(of: /<pubDate>([^<]+)<\/pubDate>/)?.1)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return try #require(formatter.date(from: String(text)))
    }

    @Test("the pipeline's export of an imported sample is byte for byte what trackway export writes")
    func exportMatchesTheCommand() throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("samples.sqlite")
        let output = directory.file("export.xml")
        try CommandLineHarness.importSample(into: db.path)
        let exported = try CommandLineHarness.trackway(["export", "--db", db.path, "--output", output.path])
        try #require(exported.status == 0, "export failed: \(exported.stderr)")
        let byCommand = try Data(contentsOf: output)

        let store = try Store(path: db.path)
        var export = WXRExport(store: store, siteID: try #require(try store.sites().first?.id))
        export.exportedAt = try pubDate(of: String(decoding: byCommand, as: UTF8.self))
        let inProcess = try export.bytes()
        #expect(inProcess.count > 10_000)
        #expect(String(decoding: inProcess, as: UTF8.self) == String(decoding: byCommand, as: UTF8.self))
    }
}
