import Foundation
import Synchronization

/// What a program run to its end left behind.
public struct ProcessResult: Sendable {
    /// Its exit code, or the signal that killed it.
    public var status: Int32
    /// Its standard output, as bytes.
    public var output: Data
    /// Its standard error.
    public var stderr: String

    /// Its standard output, as text.
    public var stdout: String { String(decoding: output, as: UTF8.self) }
}

/// Runs programs from the tests with their input and output in files, not pipes.
///
/// A pipe's end is inherited by any child another test spawns at the same moment, and then the
/// reader of that pipe waits for the unrelated child to end before it sees end-of-file. A file
/// has no end to wait for: the run is over when the kernel says the child exited.
///
/// ```swift
/// let result = try ChildProcess.run(URL(fileURLWithPath: "/usr/bin/xmllint"), ["--noout", "-"], input: document)
/// #expect(result.status == 0, "\(result.stderr)")
/// ```
public enum ChildProcess {
    /// How long a run may take before it is killed, unless told otherwise: far beyond any
    /// command a test runs, so that a child that never exits fails its test instead of hanging
    /// the whole suite.
    public static let defaultTimeLimit: Duration = .seconds(300)

    /// Runs `executable` with `arguments` (in `directory`), `input` on its standard input, and
    /// waits for it to exit; kills it and throws `ChildProcessTimeout` after `timeLimit`.
    public static func run(
        _ executable: URL, _ arguments: [String], input: Data = Data(), in directory: URL? = nil, timeLimit: Duration = defaultTimeLimit
    ) throws -> ProcessResult {
        let folder = try TemporaryDirectory(prefix: "trackway-run")
        let inputFile = try folder.write(input, to: "stdin")
        let outputFile = try folder.write([], to: "stdout")
        let errorFile = try folder.write([], to: "stderr")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let inputHandle = try FileHandle(forReadingFrom: inputFile)
        let outputHandle = try FileHandle(forWritingTo: outputFile)
        let errorHandle = try FileHandle(forWritingTo: errorFile)
        defer {
            try? inputHandle.close()
            try? outputHandle.close()
            try? errorHandle.close()
        }
        process.standardInput = inputHandle
        process.standardOutput = outputHandle
        process.standardError = errorHandle
        try process.run()
        let pid = process.processIdentifier
        let timedOut = Mutex(false)
        let watchdog = DispatchWorkItem {
            timedOut.withLock { $0 = true }
            kill(pid, SIGKILL)
        }
        let (seconds, attoseconds) = timeLimit.components
        DispatchQueue.global().asyncAfter(deadline: .now() + Double(seconds) + Double(attoseconds) * 1e-18, execute: watchdog)
        let status = process.waitForExit()
        watchdog.cancel()
        if timedOut.withLock({ $0 }) {
            throw ChildProcessTimeout(command: ([executable.path] + arguments).joined(separator: " "), limit: timeLimit)
        }
        return ProcessResult(
            status: status,
            output: try Data(contentsOf: outputFile),
            stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
        )
    }

    /// Runs a tool found on `PATH` (`python3`, `sqlite3`, `xmllint`).
    public static func tool(_ name: String, _ arguments: [String], input: Data = Data(), in directory: URL? = nil) throws -> ProcessResult {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, input: input, in: directory)
    }
}

/// A child process ran past its time limit and was killed.
public struct ChildProcessTimeout: Error, CustomStringConvertible {
    /// The command line that was run.
    public var command: String
    /// The limit it ran past.
    public var limit: Duration

    public var description: String { "killed after \(limit): \(command)" }
}
