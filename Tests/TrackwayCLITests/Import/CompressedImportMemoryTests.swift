import Foundation
import Testing
import TrackwayTesting

/// A highly compressed export holds no more records in memory at once than the same export
/// uncompressed: the reader hands records over in batches measured in decompressed bytes.
@Suite struct CompressedImportMemoryTests {
    @Test("a gzip export that inflates 50-fold imports within a few MB of the plain file's peak memory")
    func compressedImportKeepsThePlainFilesPeak() async throws {
        let directory = try TemporaryDirectory()
        let wxr = directory.file("synthetic.xml")
        try await onOwnThread { try CommandLineHarness.generate("make-wxr.py", ["40", wxr.path]) }
        let gzip = try await onOwnThread { try ChildProcess.tool("gzip", ["-9", "-k", wxr.path]) }
        try #require(gzip.status == 0, "\(gzip.stderr)")
        let plainSize = try #require(try FileManager.default.attributesOfItem(atPath: wxr.path)[.size] as? Int)
        let compressedSize = try #require(try FileManager.default.attributesOfItem(atPath: wxr.path + ".gz")[.size] as? Int)
        try #require(plainSize / compressedSize >= 20, "the generated export compresses only \(plainSize / compressedSize)-fold")

        let plain = try await onOwnThread {
            try CommandLineHarness.trackwayMeasuringMemory(["import", "--db", directory.file("plain.sqlite").path, wxr.path])
        }
        try #require(plain.result.status == 0, "\(plain.result.stderr)")
        let compressed = try await onOwnThread {
            try CommandLineHarness.trackwayMeasuringMemory(["import", "--db", directory.file("gz.sqlite").path, wxr.path + ".gz"])
        }
        try #require(compressed.result.status == 0, "\(compressed.result.stderr)")
        // Batches measured in compressed bytes held some 50 times the records: 112 MB against
        // 58 MB for a 100 MB file.
        #expect(compressed.peakMegabytes < plain.peakMegabytes + 12,
                "peak RSS \(compressed.peakMegabytes) MB for the .gz against \(plain.peakMegabytes) MB for the plain file")
    }
}
