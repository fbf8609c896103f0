import Foundation
import Testing
import TrackwayCore
import TrackwayFormats
import TrackwayPipeline
import TrackwayStore
import TrackwayTesting

@Suite("A zip export (WordPress.com's) imports as its files would, one site, in name order")
struct ZipImportTests {
    let document = Documents.wxr(posts: 6, comments: 2)

    func importing(_ inputs: [ExportInput]) throws -> (ImportReport, StoreStats) {
        let target = try TemporaryStore()
        let report = try ImportRun(inputs: inputs).perform(store: target.store, database: target.path)
        return (report, try target.store.stats())
    }

    /// The document split into `count` parts of one site, each with the channel and some of the items.
    func parts(_ count: Int) throws -> [[UInt8]] {
        let first = try #require(document.range(of: "<item>")).lowerBound
        let last = try #require(document.range(of: "</item>", options: .backwards)).upperBound
        let items = document[first..<last].components(separatedBy: "</item>").dropLast().map { $0 + "</item>" }
        return (0..<count).map { part in
            let mine = items.enumerated().filter { $0.offset % count == part }.map(\.element)
            return Array((document[..<first] + mine.joined() + document[last...]).utf8)
        }
    }

    /// `archive` with the 32-bit field at `field` of its first central directory header set to
    /// `value` (the archive has no comment, so its end record is its last 22 bytes).
    func patchingCentralDirectory(_ archive: URL, field: Int, value: (UInt32) -> UInt32) throws {
        var bytes = Array(try Data(contentsOf: archive))
        let end = bytes.count - 22
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        let at = directory + field
        let old = UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        let new = value(old)
        for index in 0..<4 { bytes[at + index] = UInt8(truncatingIfNeeded: new >> (8 * index)) }
        try Data(bytes).write(to: archive)
    }

    @Test("a zip holding one WXR imports as the WXR does, its outcome named archive:entry")
    func oneWXRInside() throws {
        let directory = try TemporaryDirectory()
        let archive = try PythonZip.write([.init(name: "harbour.wordpress.xml", bytes: Array(document.utf8))], to: directory.file("site.zip"))
        let (plain, plainStats) = try importing([.bytes(Array(document.utf8), name: "harbour.xml")])
        let (zipped, zippedStats) = try importing([.file(archive.path)])
        #expect(zipped.files.map(\.file) == ["\(archive.path):harbour.wordpress.xml"])
        #expect(zipped.files[0].format == "wxr")
        #expect(zipped.files[0].error == nil, "\(zipped.files[0].error ?? "")")
        #expect(zipped.summary == plain.summary)
        #expect(zippedStats == plainStats)
        #expect(zippedStats.posts == 6)
    }

    @Test("the parts of a split site in a zip import in name order, as the parts named one by one do, into one site")
    func splitSiteInNameOrder() throws {
        let directory = try TemporaryDirectory()
        let split = try parts(3)
        let names = (0..<3).map { "harbour.wordpress.2024-01-01.00\($0).xml" }
        let files = try zip(names, split).map { try directory.write($1, to: $0).path }
        // Written last part first, so the archive's own order is not name order.
        let entries = zip(names, split).reversed().map { PythonZip.Entry(name: $0, bytes: $1) }
        let archive = try PythonZip.write(entries, to: directory.file("site.zip"))
        let (oneByOne, oneByOneStats) = try importing(files.map { .file($0) })
        let (zipped, zippedStats) = try importing([.file(archive.path)])
        #expect(zipped.files.map(\.file) == names.map { "\(archive.path):\($0)" })
        #expect(zipped.files.allSatisfy { $0.error == nil && $0.warnings.isEmpty })
        #expect(zipped.summary == oneByOne.summary)
        #expect(zippedStats == oneByOneStats)
        #expect((zippedStats.sites, zippedStats.posts, zippedStats.comments) == (1, 6, 6 * 2))
    }

    @Test("a Zip64 archive with stored and deflated entries imports as its files named one by one do")
    func zip64StoredAndDeflated() throws {
        let directory = try TemporaryDirectory()
        let split = try parts(2)
        let archive = try PythonZip.write(
            [.init(name: "part-1.xml", bytes: split[0], deflated: false), .init(name: "part-2.xml", bytes: split[1], deflated: true)],
            to: directory.file("site.zip"), zip64: true
        )
        let bytes = Array(try Data(contentsOf: archive))
        // The Zip64 end of central directory record and its locator are there to be read.
        #expect(bytes.firstRange(of: [0x50, 0x4B, 0x06, 0x06]) != nil)
        #expect(bytes.firstRange(of: [0x50, 0x4B, 0x06, 0x07]) != nil)
        let (oneByOne, oneByOneStats) = try importing([.bytes(split[0], name: "part-1.xml"), .bytes(split[1], name: "part-2.xml")])
        let (zipped, zippedStats) = try importing([.file(archive.path)])
        #expect(zipped.files.map(\.error) == [nil, nil], "\(zipped.files.compactMap(\.error))")
        #expect(zipped.summary == oneByOne.summary)
        #expect(zippedStats == oneByOneStats)
        #expect(zippedStats.posts == 6)
    }

    @Test("an entry's warnings and errors name the archive, the entry and the line")
    func messagesNameArchiveAndEntry() throws {
        let directory = try TemporaryDirectory()
        let cut = Array(document.utf8.prefix(document.utf8.count / 2))
        let archive = try PythonZip.write([.init(name: "a.xml", bytes: Array(document.utf8)), .init(name: "b.xml", bytes: cut)], to: directory.file("site.zip"))
        let (report, stats) = try importing([.file(archive.path)])
        #expect(report.files[0].error == nil)
        let error = try #require(report.files[1].error)
        #expect(error.hasPrefix("\(archive.path):b.xml:"), "\(error)")
        let line = error.dropFirst("\(archive.path):b.xml:".count).prefix { $0.isNumber }
        #expect(Int(line) ?? 0 > 1, "\(error)")
        #expect(stats.posts == 6)
    }

    @Test("archives that hold what an export does not are refused whole, naming the archive and the entry", arguments: [
        ("inner.zip", "is itself an archive"),
        ("posts.xml.gz", "is itself an archive"),
        ("../evil.xml", "leads out of the archive"),
        ("/etc/evil.xml", "absolute path"),
    ])
    func foreignEntriesAreRefused(entry: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        let archive = try PythonZip.write(
            [.init(name: "a.xml", bytes: Array(document.utf8)), .init(name: entry, bytes: Array(document.utf8))],
            to: directory.file("site.zip")
        )
        let (report, stats) = try importing([.file(archive.path)])
        #expect(report.files.map(\.file) == [archive.path])
        let error = try #require(report.files[0].error)
        #expect(error.hasPrefix("\(archive.path):\(entry): "), "\(error)")
        #expect(error.contains(reason), "\(error)")
        #expect(stats.posts == 0)
    }

    @Test("an entry flagged as encrypted is refused, naming it")
    func encryptedEntryIsRefused() throws {
        let directory = try TemporaryDirectory()
        let archive = try PythonZip.write([.init(name: "a.xml", bytes: Array(document.utf8))], to: directory.file("site.zip"))
        // General purpose flags are the 16 bits at offset 8 (with the method at 10): set bit 0.
        try patchingCentralDirectory(archive, field: 8) { $0 | 1 }
        let (report, stats) = try importing([.file(archive.path)])
        let error = try #require(report.files[0].error)
        #expect(error.hasPrefix("\(archive.path):a.xml: "), "\(error)")
        #expect(error.contains("encrypted"), "\(error)")
        #expect(stats.posts == 0)
    }

    @Test("an entry whose bytes exceed, fall short of the stated size, or fail their CRC-32 stops with an error naming it", arguments: [
        (24, -1, "holds more than the"),
        (24, 1, "not the"),
        (16, 0, "CRC-32"),
    ])
    func lyingEntriesStop(field: Int, sizeChange: Int, reason: String) throws {
        for deflated in [true, false] {
            let directory = try TemporaryDirectory()
            let archive = try PythonZip.write([.init(name: "a.xml", bytes: Array(document.utf8), deflated: deflated)], to: directory.file("site.zip"))
            try patchingCentralDirectory(archive, field: field) { field == 16 ? $0 ^ 0x0101_0101 : UInt32(Int($0) + sizeChange) }
            let (report, _) = try importing([.file(archive.path)])
            let error = try #require(report.files.first?.error)
            #expect(error.hasPrefix("\(archive.path):a.xml: "), "\(error)")
            #expect(error.contains(reason), "\(deflated): \(error)")
        }
    }
}
