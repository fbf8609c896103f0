import Foundation
import Testing
@testable import TrackwayStore
import TrackwayTesting

@Suite struct StoreWriterTests {
    @Test("the write-ahead log is copied into the database file beside the writer, which no longer checkpoints below 16,384 pages")
    func checkpointsBesideTheWriter() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("writer.sqlite").path
        let writer = try StoreWriter(location: .sqlite(path: path))
        defer { writer.close() }
        let fileSize = { ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0 }
        let before = fileSize()
        // 8 MB in 80 commits: some 2,000 pages of log, past SQLite's own threshold of 1,000.
        try await writer.write { try $0.database.execute("CREATE TABLE filler(bytes BLOB)") }
        for _ in 0..<80 {
            try await writer.write { try $0.database.execute("INSERT INTO filler VALUES (randomblob(100000))") }
        }
        for _ in 0..<50 where fileSize() < before + 8_000_000 {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(fileSize() >= before + 8_000_000, "the rows reached the database file while the server ran")
        let backstop = try await writer.write { try $0.database.statement("PRAGMA wal_autocheckpoint").firstRow()?.int(0) }
        #expect(backstop == WALCheckpointer.writerBackstopPages)
    }
}
