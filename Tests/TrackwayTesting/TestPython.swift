import Foundation

/// The Python of the tests' virtual environment (`.build/test-venv`, made by
/// `scripts/test-python.sh`, which `scripts/test.sh` runs), where the real clients the tests
/// drive are installed: feedparser, html5lib, Selenium.
///
/// ```swift
/// let result = try TestPython.run(["-c", "import feedparser, sys; ...", feedURL])
/// ```
public enum TestPython {
    /// The environment's interpreter.
    public static let executable: URL = TestPaths.repositoryRoot.appendingPathComponent(".build/test-venv/bin/python3")

    /// Runs the environment's Python with `arguments`; throws, naming the command that makes the
    /// environment, when it has not been made.
    public static func run(_ arguments: [String], input: Data = Data()) throws -> ProcessResult {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestPythonMissing(path: executable.path)
        }
        return try ChildProcess.run(executable, arguments, input: input)
    }
}

/// The tests' virtual environment has not been made.
public struct TestPythonMissing: Error, CustomStringConvertible {
    public let path: String
    public var description: String { "\(path) is missing: run `bash scripts/test-python.sh` (scripts/test.sh does)" }
}
