import Foundation
import Testing
import TrackwayFormats
import TrackwayPipeline
import TrackwayStore
import TrackwayTesting

@Suite("Exports run in process")
struct WXRExportTests {
    let exportedAt = Date(timeIntervalSince1970: 1_717_200_000)

    /// Imports `input` into a new store and exports its only site to memory.
    func importThenExport(_ input: ExportInput, into target: TemporaryStore) throws -> [UInt8] {
        var run = ImportRun(inputs: [input])
        run.timeZone = "Europe/Dublin"
        let report = try run.perform(store: target.store, database: target.path)
        try #require(report.files[0].error == nil, "\(report.files[0].error ?? "")")
        let siteID = try #require(try target.store.sites().first?.id)
        var export = WXRExport(store: target.store, siteID: siteID)
        export.exportedAt = exportedAt
        return try export.bytes()
    }

    @Test("a WXR export imported again exports to the same bytes", arguments: [
        ExportInput.bytes(Array(Documents.wxr(posts: 6, comments: 4).utf8), name: "harbour.xml"),
        ExportInput.bytes(Array(Documents.movableType(entries: 3, comments: 2).utf8), name: "lighthouse.txt"),
    ], StoreEngine.tested)
    func roundTrip(input: ExportInput, engine: StoreEngine) throws {
        let first = try TemporaryStore(engine)
        let second = try TemporaryStore(engine)
        let exported = try importThenExport(input, into: first)
        let again = try importThenExport(.bytes(exported, name: "exported.xml"), into: second)
        #expect(String(decoding: again, as: UTF8.self) == String(decoding: exported, as: UTF8.self))
        #expect(try first.store.stats() == second.store.stats())
        #expect(try second.store.stats().posts > 0)
    }

    @Test("an export written to a file holds the bytes the export gives in memory, and counts its items", arguments: StoreEngine.tested)
    func fileMatchesMemory(engine: StoreEngine) throws {
        let target = try TemporaryStore(engine)
        let inMemory = try importThenExport(.bytes(Array(Documents.wxr(posts: 5, comments: 2).utf8), name: "harbour.xml"), into: target)
        let path = target.directory.file("export.xml").path
        var export = WXRExport(store: target.store, siteID: try #require(try target.store.sites().first?.id))
        export.exportedAt = exportedAt
        var events: [ProgressEvent] = []
        let items = try export.write(to: path) { events.append($0) }
        #expect(items == 5)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == inMemory)
        guard case .began(let name, _) = events.first, case .ended = events.last, case .advanced(let bytes, let count) = events.dropLast().last else {
            Issue.record("unexpected progress: \(events)")
            return
        }
        #expect(name == path)
        #expect(count == 5)
        #expect(bytes > 0 && bytes <= inMemory.count)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: target.directory.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test("a site the store does not hold is an error, and no file is left behind", arguments: StoreEngine.tested)
    func missingSite(engine: StoreEngine) throws {
        let target = try TemporaryStore(engine)
        let path = target.directory.file("export.xml").path
        #expect(throws: StoreError.self) { try WXRExport(store: target.store, siteID: 42).write(to: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
