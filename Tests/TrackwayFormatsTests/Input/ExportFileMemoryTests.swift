import Foundation
import Testing
import TrackwayTesting
import TrackwayCore
@testable import TrackwayFormats

@Suite("Exports held in memory read as the same bytes in a file")
struct ExportFileMemoryTests {
    /// Everything `file` hands out, read in pieces the size the readers ask for, or the error
    /// that stopped it.
    func drain(_ file: ExportFile) -> Result<[UInt8], ImportError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 100_000)
        do {
            while true {
                let got = try chunk.withUnsafeMutableBytes { try file.read(into: $0) }
                if got == 0 { return .success(bytes) }
                bytes += chunk[..<got]
            }
        } catch let error as ImportError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .success([])
        }
    }

    func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let result = try ChildProcess.run(URL(fileURLWithPath: "/bin/gzip"), ["-c"], input: Data(bytes))
        try #require(result.status == 0, "\(result.stderr)")
        return Array(result.output)
    }

    @Test("plain, gzip, several gzip members, trailing bytes, a cut member, a corrupt member and nothing read alike from memory and from a file")
    func memoryReadsAsAFile() throws {
        let document = Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.peerBlog)))
        let compressed = try gzip(document)
        var corrupt = compressed
        corrupt[compressed.count / 2] ^= 0xFF
        let inputs: [(String, [UInt8])] = [
            ("plain", document),
            ("gzip", compressed),
            ("two gzip members", compressed + (try gzip(Array("<!-- more -->".utf8)))),
            ("gzip then other bytes", compressed + Array("not gzip".utf8)),
            ("gzip cut short", Array(compressed[..<(compressed.count * 2 / 3)])),
            ("gzip with a flipped byte", corrupt),
            ("empty", []),
        ]
        for (label, bytes) in inputs {
            let file = try TemporaryFile(bytes: bytes, suffix: ".xml.gz")
            let fromFile = drain(try ExportFile(path: file.path))
            let fromMemory = drain(ExportFile(bytes: bytes, name: file.path))
            #expect(fromMemory == fromFile, "\(label)")
        }
        #expect(drain(ExportFile(bytes: compressed, name: "blog.xml.gz")) == .success(document))
        if case .success = drain(ExportFile(bytes: corrupt, name: "blog.xml.gz")) {
            Issue.record("a corrupt member read without an error")
        }
    }

    @Test("progress in memory counts compressed bytes up to the size given")
    func progressCountsCompressedBytes() throws {
        let compressed = try gzip(Array(try Data(contentsOf: URL(fileURLWithPath: Fixture.peerBlog))))
        let (reader, file, format) = try openExportReader(.bytes(compressed, name: "peer.xml.gz"), options: ReadOptions(fileName: "peer.xml.gz"))
        #expect(format == .wxr)
        var records: [ImportRecord] = []
        try reader.read(emit: { records.append($0) }, warn: { _ in })
        #expect(records == readExport(Fixture.peerBlog).records)
        #expect(file.totalBytes == compressed.count)
        #expect(file.bytesRead == file.totalBytes)
    }

    @Test("a Movable Type export in memory gives the records the same file gives")
    func movableTypeFromMemory() throws {
        let path = Fixture.mt("PostWithComments.txt")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        var options = ReadOptions(fileName: path)
        options.timeZone = "Europe/Dublin"
        let (reader, _, format) = try openExportReader(.bytes(bytes, name: path), options: options)
        #expect(format == .movableType)
        var records: [ImportRecord] = []
        try reader.read(emit: { records.append($0) }, warn: { _ in })
        let fromFile = readExport(path) { $0.timeZone = "Europe/Dublin" }
        #expect(!records.isEmpty)
        #expect(records == fromFile.records)
    }

    @Test("a document in memory that is not well-formed stops with its given name, line and column")
    func errorsNameTheInput() throws {
        let document = wxrDocument(items: "<item><title>One</title><wp:post_id>1</wp:post_id></item>\n<item><title>Two</title>")
        let (reader, _, _) = try openExportReader(.bytes(Array(document.utf8), name: "upload.xml"), options: ReadOptions(fileName: "upload.xml"))
        let error = try #require(throws: ImportError.self) {
            try reader.read(emit: { _ in }, warn: { _ in })
        }
        #expect(error.file == "upload.xml")
        #expect(error.line > 1)
        #expect(error.column > 0)
    }

    @Test("bytes in memory of no known format are refused with the name given to them")
    func unknownFormatNamesTheInput() {
        let error = #expect(throws: ImportError.self) {
            try openExportReader(.bytes(Array("just some notes\n".utf8), name: "notes.txt"), options: ReadOptions(fileName: "notes.txt"))
        }
        #expect(error?.file == "notes.txt")
        #expect(error?.message.contains("unknown export format") == true)
    }
}
