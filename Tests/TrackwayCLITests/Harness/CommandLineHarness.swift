import Foundation
import TrackwayTesting

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

    /// Runs `trackway` with `arguments` (and `input` on its standard input) and waits for it.
    static func trackway(_ arguments: [String], input: Data = Data(), in directory: URL? = nil) throws -> ProcessResult {
        try ChildProcess.run(trackwayBinary, arguments, input: input, in: directory)
    }

    /// Imports `Samples/harbour-notes.wordpress.xml` into `db` (a file's path or a database URL);
    /// throws with the import's error output when it fails.
    static func importSample(into db: String) throws {
        let sample = repositoryRoot.appendingPathComponent("Samples/harbour-notes.wordpress.xml")
        let imported = try trackway(["import", "--db", db, sample.path])
        guard imported.status == 0 else { throw HarnessError(message: "importing the sample failed: \(imported.stderr)") }
    }

    /// Runs a generator of test files, `Benchmarks/<script>` (`make-wxr.py`, `make-mt-backup.py`),
    /// with `arguments`; throws with its error output when it fails.
    static func generate(_ script: String, _ arguments: [String]) throws {
        let result = try ChildProcess.tool("python3", [repositoryRoot.appendingPathComponent("Benchmarks/\(script)").path] + arguments)
        guard result.status == 0 else { throw HarnessError(message: "\(script) \(arguments.joined(separator: " ")): \(result.stderr)") }
    }

    /// Parses a JSON object printed by a command.
    static func jsonObject(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let dictionary = object as? [String: Any] else {
            throw HarnessError(message: "expected a JSON object, got: \(text.prefix(200))")
        }
        return dictionary
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
