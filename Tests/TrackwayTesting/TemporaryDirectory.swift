import Foundation

/// A fresh empty directory under the system's temporary directory, removed with everything in
/// it when the last reference goes away.
///
/// A local binding lives to the end of its scope (Swift keeps a variable alive across the calls
/// that follow its last use), so the files outlast every step of the test that made them.
///
/// ```swift
/// let directory = try TemporaryDirectory()
/// let database = directory.file("blog.sqlite")
/// try CommandLineHarness.trackway(["import", "--db", database.path, export.path])
/// ```
public final class TemporaryDirectory: Sendable {
    /// The directory.
    public let url: URL

    /// Makes the directory; `prefix` names it for whoever finds one left behind by a crash.
    public init(prefix: String = "trackway-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// The directory's path.
    public var path: String { url.path }

    /// The URL of `name` inside the directory (the file itself is not created).
    public func file(_ name: String) -> URL {
        url.appendingPathComponent(name)
    }

    /// Writes `bytes` to `name` inside the directory; returns its URL.
    @discardableResult
    public func write(_ bytes: some Sequence<UInt8>, to name: String) throws -> URL {
        let file = file(name)
        try Data(bytes).write(to: file)
        return file
    }

    /// Writes `text` as UTF-8 to `name` inside the directory; returns its URL.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> URL {
        try write(text.utf8, to: name)
    }
}
