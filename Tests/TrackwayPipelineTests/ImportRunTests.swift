import Foundation
import Testing
import TrackwayCore
import TrackwayFormats
import TrackwayPipeline
import TrackwayStore
import TrackwayTesting

@Suite("Imports run in process from exports held in memory")
struct ImportRunTests {
    func importing(_ inputs: [ExportInput], into target: TemporaryStore, configure: (inout ImportRun) -> Void = { _ in }) throws -> ImportReport {
        var run = ImportRun(inputs: inputs)
        configure(&run)
        return try run.perform(store: target.store, database: target.path)
    }

    @Test("a WXR document in memory imports every post, comment and trackback it holds")
    func wxrFromMemory() throws {
        let target = try TemporaryStore()
        let report = try importing([.bytes(Array(Documents.wxr(posts: 4, comments: 3).utf8), name: "harbour.xml")], into: target)
        #expect(report.files.map(\.file) == ["harbour.xml"])
        #expect(report.files[0].format == "wxr")
        #expect(report.files[0].error == nil)
        #expect(report.database == target.path)
        #expect(report.summary.posts.added == 4)
        #expect(report.summary.comments.added == 4 * 3)
        #expect(report.summary.trackbacks.added == 4)
        let stats = try target.store.stats()
        #expect((stats.sites, stats.authors, stats.terms, stats.posts, stats.comments, stats.trackbacks) == (1, 1, 1, 4, 12, 4))
    }

    @Test("a Movable Type export in memory imports every entry, comment and ping, its site named after the input")
    func movableTypeFromMemory() throws {
        let target = try TemporaryStore()
        let report = try importing([.bytes(Array(Documents.movableType(entries: 3, comments: 2).utf8), name: "lighthouse.txt")], into: target) {
            $0.timeZone = "Europe/Dublin"
        }
        #expect(report.files[0].format == "movableType")
        #expect(report.files[0].error == nil, "\(report.files[0].error ?? "")")
        let stats = try target.store.stats()
        #expect((stats.posts, stats.comments, stats.trackbacks) == (3, 3 * 2, 3))
        let site = try #require(try target.store.sites().first)
        #expect(site.sourceKey == "mt:lighthouse")
    }

    @Test("gzip-compressed bytes import as the plain document does")
    func gzipFromMemory() throws {
        let document = Array(Documents.wxr(posts: 3, comments: 2).utf8)
        let compressed = try ChildProcess.run(URL(fileURLWithPath: "/bin/gzip"), ["-c"], input: Data(document))
        try #require(compressed.status == 0, "\(compressed.stderr)")
        let plainTarget = try TemporaryStore()
        let gzipTarget = try TemporaryStore()
        let plain = try importing([.bytes(document, name: "harbour.xml")], into: plainTarget)
        let gzip = try importing([.bytes(Array(compressed.output), name: "harbour.xml.gz")], into: gzipTarget)
        #expect(gzip.files[0].error == nil)
        #expect(gzip.summary == plain.summary)
        #expect(gzip.summary.posts.added == 3)
    }

    @Test("importing the same bytes again changes nothing and reports every record unchanged")
    func reimportIsUnchanged() throws {
        let target = try TemporaryStore()
        let input = ExportInput.bytes(Array(Documents.wxr(posts: 5, comments: 2).utf8), name: "harbour.xml")
        let first = try importing([input], into: target)
        let second = try importing([input], into: target)
        #expect(second.files[0].error == nil)
        for kind in [ImportKind.post, .comment, .trackback, .author, .term] {
            #expect(second.summary[kind].unchanged == first.summary[kind].added, "\(kind)")
            #expect(second.summary[kind].added == 0, "\(kind)")
            #expect(second.summary[kind].updated == 0, "\(kind)")
        }
        #expect(second.summary.posts.unchanged == 5)
        #expect(try target.store.stats().comments == 5 * 2)
    }

    @Test("a document cut inside its third post stops with its name, line and column, keeps the two posts before, and the next input still imports")
    func malformedDocumentStopsWithPosition() throws {
        let target = try TemporaryStore()
        let whole = Documents.wxr(posts: 4, comments: 20)
        let thirdItem = try #require(whole.ranges(of: "<item>").dropFirst(2).first)
        // Well into the third post's comments: libxml2 meets the error some way past the last
        // node it hands over, so a cut right after the second post can take that post with it.
        let cut = String(whole[..<whole.utf8.index(thirdItem.upperBound, offsetBy: 3_000)])
        let report = try importing([
            .bytes(Array(cut.utf8), name: "cut.xml"),
            .bytes(Array(Documents.movableType(entries: 1, comments: 1).utf8), name: "after.txt"),
        ], into: target)
        let error = try #require(report.files[0].error)
        #expect(error.firstMatch(of: #/^cut\.xml:\d+:\d+: /#) != nil, "\(error)")
        #expect(report.files[1].error == nil)
        #expect(report.summary.posts.added == 2 + 1)
        let posts = try target.store.stats().posts
        #expect(posts == 3)
    }

    @Test("progress follows each input from its size to its last byte")
    func progressFollowsEachInput() throws {
        let target = try TemporaryStore()
        let document = Array(Documents.wxr(posts: 40, comments: 20).utf8)
        var run = ImportRun(inputs: [.bytes(document, name: "big.xml"), .bytes(document, name: "again.xml")])
        run.batchSize = 7
        var events: [String] = []
        _ = try run.perform(store: target.store, database: target.path) { event in
            switch event {
            case .began(let name, let totalBytes): events.append("began \(name) \(totalBytes)")
            case .advanced(let bytes, let items): events.append("advanced \(bytes) \(items)")
            case .ended: events.append("ended")
            }
        }
        let ends = events.indices.filter { events[$0] == "ended" }
        #expect(ends.count == 2)
        #expect(events.first == "began big.xml 0")
        #expect(events.contains("began big.xml \(document.count)"))
        #expect(events[ends[0] - 1] == "advanced \(document.count) 40")
        #expect(events[ends[0] + 1] == "began again.xml 0")
        #expect(events[ends[1] - 1] == "advanced \(document.count) 80")
    }
}
