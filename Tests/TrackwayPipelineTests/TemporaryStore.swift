import Foundation
import TrackwayStore

/// A store in a fresh temporary directory, removed with it by `remove()`.
struct TemporaryStore {
    let directory: URL
    let path: String
    let store: Store

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trackway-pipeline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("trackway.sqlite").path
        store = try Store(path: path)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
