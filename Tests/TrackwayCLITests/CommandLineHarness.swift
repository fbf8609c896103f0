import Foundation
import TrackwayTesting

/// What a finished process left behind.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the built `trackway` binary and other tools the way a user does, from the tests.
enum CommandLineHarness {
    /// The repository root, found from this source file.
    static let repositoryRoot: URL = TestPaths.repositoryRoot

    /// `../shared/fixtures` beside the repository.
    static let fixtures: URL = TestPaths.sharedFixtures

    /// The `trackway` executable built next to the running test bundle.
    static var trackwayBinary: URL {
        let testBinary = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = testBinary.deletingLastPathComponent()
        // The runner lives inside TrackwayPackageTests.xctest on some layouts.
        while !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("trackway").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("trackway")
    }

    /// Runs `trackway` with `arguments` and waits for it.
    static func trackway(_ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try run(trackwayBinary, arguments, in: directory)
    }

    /// Runs `executable` (an absolute path, or a name looked up on PATH through /usr/bin/env).
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read both pipes to the end before waiting, so a chatty process cannot block on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// Runs a tool found on PATH (`python3`, `sqlite3`, `xmllint`).
    static func tool(_ name: String, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: directory)
    }

    /// Runs `body` on a dispatch thread. A test that blocks for seconds (waiting for processes,
    /// polling) would otherwise hold one of the few cooperative threads, starving the in-process
    /// servers of other suites running at the same time. Record issues after it returns: issues
    /// belong to the test's task.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }

    /// A fresh empty directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("trackway-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Parses a JSON object printed by a command.
    static func jsonObject(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else {
            throw HarnessError(message: "expected a JSON object, got: \(text.prefix(200))")
        }
        return dictionary
    }

    /// Every row of every table except the migration log, as `sqlite3` prints them: the whole
    /// content of a database, for comparing two databases.
    static func databaseContent(_ path: URL) throws -> String {
        let tables = try tool("sqlite3", [path.path, "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN ('schema_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name"])
        var content = ""
        for table in tables.stdout.split(separator: "\n") {
            let rows = try tool("sqlite3", [path.path, "SELECT * FROM \"\(table)\" ORDER BY rowid"])
            content += "== \(table)\n" + rows.stdout
        }
        return content
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
