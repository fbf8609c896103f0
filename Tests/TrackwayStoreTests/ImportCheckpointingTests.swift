import Foundation
import Testing
@testable import TrackwayStore
import TrackwayTesting

@Suite struct ImportCheckpointingTests {
    /// Small limits, so a few megabytes of commits go past each of them several times.
    static let limits = ImportCheckpointing.Limits(requestPages: 64, restartPages: 256, hardLimitPages: 1024)
    /// A page of log: the page and its frame header.
    static let frameBytes = 4096 + 24

    /// 12 MB in 120 commits of some 25 pages each: three times the hard limit of log.
    static func commitFiller(into database: Database, whileChecking check: () throws -> Void = {}) throws {
        for _ in 0..<120 {
            try database.execute("INSERT INTO filler VALUES (randomblob(100000))")
            try check()
        }
    }

    /// A database at `path` with the filler table, its import checkpointing started (with `limits`).
    static func importDatabase(at path: String) throws -> (Database, ImportCheckpointing) {
        let database = try Database(path: path)
        try database.execute("CREATE TABLE filler(bytes BLOB)")
        return (database, try #require(ImportCheckpointing(database: database, limits: limits)))
    }

    static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
    }

    @Test("the write-ahead log stays under the hard limit and a commit while the rows reach the database file")
    func logStaysBounded() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("import.sqlite").path
        let (database, checkpointing) = try Self.importDatabase(at: path)
        defer { checkpointing.stop() }
        var longestLog = 0
        try Self.commitFiller(into: database) { longestLog = max(longestLog, Self.fileSize(path + "-wal")) }
        #expect(longestLog > Self.limits.restartPages * Self.frameBytes, "the log grew past the writer's limit")
        #expect(longestLog <= (Self.limits.hardLimitPages + 50) * Self.frameBytes)
        #expect(Self.fileSize(path) >= 8_000_000, "the rows reached the database file during the import")
    }

    @Test("a reader of the same file keeps its snapshot while the import commits and checkpoints, then sees every row")
    func readerKeepsWorking() throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("import.sqlite").path
        let (database, checkpointing) = try Self.importDatabase(at: path)
        defer { checkpointing.stop() }
        let reader = try Database(path: path, readOnly: true)
        let count = { try reader.statement("SELECT count(*) FROM filler").firstRow()?.int(0) }
        try reader.execute("BEGIN")
        #expect(try count() == 0)
        var snapshotCounts: Set<Int?> = []
        try Self.commitFiller(into: database) { snapshotCounts.insert(try count()) }
        #expect(snapshotCounts == [0])
        try reader.execute("COMMIT")
        #expect(try count() == 120)
    }

    @Test("an import session gives its connection back with the automatic checkpoint it had")
    func sessionRestoresAutoCheckpoint() throws {
        let temp = try TemporaryStore(.sqlite)
        let autoCheckpoint = { try temp.store.database.statement("PRAGMA wal_autocheckpoint").firstRow()?.int(0) }
        try temp.importRecords(SampleBlog.records())
        #expect(try autoCheckpoint() == 4096)
    }
}
