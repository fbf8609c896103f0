import Foundation
import Testing
import TrackwayTesting
import TrackwayCore
@testable import TrackwayFormats

@Suite("Export format detection and gzip input")
struct ExportFormatTests {
    func detect(_ text: String) throws -> ExportFormat? {
        try detect(bytes: Array(text.utf8))
    }

    func detect(bytes: [UInt8]) throws -> ExportFormat? {
        try ExportFormat.detect(ExportFile(bytes: bytes, name: "detect.xml"))
    }

    @Test("WXR is an rss root binding a wordpress.org/export namespace under any prefix")
    func detectsWXR() throws {
        #expect(try detect(#"<?xml version="1.0"?><!-- c --><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/">"#) == .wxr)
        #expect(try detect(#"<rss xmlns:x='https://wordpress.org/export/1.0/'>"#) == .wxr)
        #expect(try detect(#"<rss version="2.0"><channel>"#) == nil)
        #expect(try detect(#"<feed xmlns:wp="http://wordpress.org/export/1.2/">"#) == nil)
    }

    @Test("Movable Type is text whose first line is a known key, after a BOM and blank lines")
    func detectsMovableType() throws {
        #expect(try detect(bytes: [0xEF, 0xBB, 0xBF] + Array("AUTHOR: Joe\n".utf8)) == .movableType)
        #expect(try detect("\n\nTITLE: Hello\r\n") == .movableType)
        #expect(try detect("Hello world\n") == nil)
        #expect(try detect("") == nil)
    }

    @Test("every fixture is detected as its format")
    func fixtures() throws {
        for name in ["valid-wxr-1.0.xml", "valid-wxr-1.1.xml", "small-export.xml"] {
            #expect(try ExportFormat.detect(ExportFile(path: Fixture.wxr(name))) == .wxr)
        }
        #expect(try ExportFormat.detect(ExportFile(path: Fixture.peerBlog)) == .wxr)
        #expect(try ExportFormat.detect(ExportFile(path: Fixture.mt("SimplePost.txt"))) == .movableType)
    }

    /// A WXR whose root element comes after `prolog`.
    func wxr(after prolog: String) -> String {
        wxrDocument(items: "<item><title>Far</title><wp:post_id>1</wp:post_id><content:encoded>before &xxe; after</content:encoded></item>")
            .replacingOccurrences(of: "<rss ", with: prolog + "\n<rss ")
    }

    /// Over 8 KB of comments and processing instructions, as WordPress writes its instructions.
    static let longProlog = (1...120).map { "<!-- line \($0) of the instructions that precede the root element -->\n<?note \($0)?>" }
        .joined(separator: "\n")

    @Test("a WXR whose leading comments and processing instructions run past 8 KB is detected and read, plain and gzip-compressed")
    func rootFarPastTheStart() throws {
        #expect(Self.longProlog.utf8.count > 8192)
        let document = wxr(after: Self.longProlog).replacingOccurrences(of: "&xxe;", with: "")
        #expect(try detect(document) == .wxr)
        let plain = try readDocument(document)
        #expect(plain.error == nil)
        #expect(plain.posts.map(\.title) == ["Far"])
        let compressed = try ChildProcess.run(URL(fileURLWithPath: "/bin/gzip"), ["-c"], input: Data(document.utf8))
        try #require(compressed.status == 0, "\(compressed.stderr)")
        #expect(try detect(bytes: Array(compressed.output)) == .wxr)
        let gzipped = try readDocument(bytes: Array(compressed.output), suffix: ".xml.gz")
        #expect(gzipped.error == nil)
        #expect(gzipped.records == plain.records)
    }

    @Test("a WXR whose DOCTYPE runs past 8 KB is detected; its entities, internal and external, are still never expanded")
    func doctypeFarPastTheStart() throws {
        let secret = try TemporaryFile("TOP-SECRET-CONTENT", suffix: ".txt")
        var entities = "<!ENTITY xxe SYSTEM \"file://\(secret.path)\">\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        let padding = (1...150).map { "<!-- declaration note \($0), padding the internal subset past 8 KB -->" }.joined(separator: "\n")
        let prolog = "<!DOCTYPE rss [\n\(entities)\(padding)\n]>"
        #expect(prolog.utf8.count > 8192)
        let document = wxr(after: prolog).replacingOccurrences(of: "<title>Far</title>", with: "<title>&lol9;</title>")
        #expect(try detect(document) == .wxr)
        let result = try readDocument(document)
        #expect(result.error == nil)
        let post = try #require(result.posts.first)
        #expect(post.title == "")
        #expect(post.content == "before  after")
        #expect(!result.records.description.contains("TOP-SECRET"))
        #expect(!result.records.description.contains("lol"))
        #expect(result.warnings.map(\.message).filter { $0.contains("is not expanded") }.count == 2)
    }

    @Test("XML past a long prolog whose root is not a WordPress rss, or with no root at all, is an unknown format naming the file")
    func noRootElementIsUnknown() throws {
        #expect(try detect(Self.longProlog + "\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n") == nil)
        for contents in [Self.longProlog + "\n", "<?xml version=\"1.0\"?>\n" + Self.longProlog + "\n<!-- cut"] {
            #expect(try detect(contents) == nil)
            let result = try readDocument(contents)
            let error = try #require(result.importError)
            #expect(error.file.hasSuffix("document.xml"))
            #expect(error.message.contains("unknown export format"))
        }
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
