import Foundation
import Testing
import TrackwayTesting
import TrackwayCore
@testable import TrackwayFormats

@Suite("Export format detection and gzip input")
struct ExportFormatTests {
    func detect(_ text: String) -> ExportFormat? {
        ExportFormat.detect(prefix: Array(text.utf8))
    }

    @Test("WXR is an rss root binding a wordpress.org/export namespace under any prefix")
    func detectsWXR() {
        #expect(detect(#"<?xml version="1.0"?><!-- c --><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">"#) == .wxr)
        #expect(detect(#"<rss xmlns:x='https://wordpress.org/export/1.0/'>"#) == .wxr)
        #expect(detect(#"<rss version="2.0"><channel>"#) == nil)
        #expect(detect(#"<feed xmlns:wp="http://wordpress.org/export/1.2/">"#) == nil)
    }

    @Test("Movable Type is text whose first line is a known key, after a BOM and blank lines")
    func detectsMovableType() {
        #expect(ExportFormat.detect(prefix: [0xEF, 0xBB, 0xBF] + Array("AUTHOR: Joe\n".utf8)) == .movableType)
        #expect(detect("\n\nTITLE: Hello\r\n") == .movableType)
        #expect(detect("Hello world\n") == nil)
        #expect(detect("") == nil)
    }

    @Test("every fixture is detected as its format")
    func fixtures() throws {
        for name in ["valid-wxr-1.0.xml", "valid-wxr-1.1.xml", "small-export.xml"] {
            #expect(ExportFormat.detect(prefix: try ExportFile(path: Fixture.wxr(name)).peek(8192)) == .wxr)
        }
        #expect(ExportFormat.detect(prefix: try ExportFile(path: Fixture.peerBlog).peek(8192)) == .wxr)
        #expect(ExportFormat.detect(prefix: try ExportFile(path: Fixture.mt("SimplePost.txt")).peek(8192)) == .movableType)
    }

    @Test("an unknown format is an error naming the file and what was expected")
    func unknownFormat() throws {
        let result = try readDocument("just some text\n", suffix: ".txt")
        let error = try #require(result.importError)
        #expect(error.message.contains("expected a WordPress export"))
        #expect(error.file.hasSuffix(".txt"))
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        #expect(throws: ImportError.self) { try ExportFile(path: "/nonexistent/trackway.xml") }
    }

    @Test("a gzip-compressed export reads like the plain one, and progress counts compressed bytes")
    func gzip() throws {
        let copy = try TemporaryFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.peerBlog))), suffix: ".xml")
        let gzip = try ChildProcess.run(URL(fileURLWithPath: "/bin/gzip"), ["-f", copy.path])
        try #require(gzip.status == 0, "\(gzip.stderr)")
        let compressed = copy.path + ".gz"
        let plain = readExport(Fixture.peerBlog)
        var options = ReadOptions(fileName: compressed)
        options.siteKey = nil
        let (reader, file, format) = try openExportReader(.file(compressed), options: options)
        #expect(format == .wxr)
        var records: [ImportRecord] = []
        try reader.read(emit: { records.append($0) }, warn: { _ in })
        #expect(records == plain.records)
        #expect(file.totalBytes < 979_714)
        #expect(file.bytesRead == file.totalBytes)
    }
}
