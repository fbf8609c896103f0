import Foundation
import Synchronization

/// A long-running helper child (a Python HTTP server, a trap) whose standard output goes to a
/// file: it announces its port on the first line and may record events on later ones.
///
/// A file and not a pipe, for the reason `ChildProcess` gives: reading a pipe to its end can
/// wait for an unrelated child that inherited it.
///
/// ```swift
/// let server = try HelperServer(URL(fileURLWithPath: "/usr/bin/python3"), ["-u", "-c", script])
/// defer { server.stop() }
/// let port = server.port
/// ```
public final class HelperServer: Sendable {
    private let process: Process
    /// The port from the first line it printed, or 0 when it exited or stayed silent 60 seconds.
    public let port: Int
    /// That first line, trimmed.
    public let firstLine: String
    private let folder: TemporaryDirectory
    private let outputFile: URL
    private let recording = Mutex<[String]?>(nil)

    /// Starts `executable` and waits for its first line.
    public init(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws {
        folder = try TemporaryDirectory(prefix: "trackway-helper")
        outputFile = try folder.write([], to: "stdout")
        let output = try FileHandle(forWritingTo: outputFile)
        defer { try? output.close() }
        process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = output
        // A helper holding the test runner's stderr open would keep the runner waiting at its end.
        process.standardError = FileHandle.nullDevice
        try process.run()
        var firstLine = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let written = (try? Data(contentsOf: outputFile)) ?? Data()
            if let end = written.firstIndex(of: UInt8(ascii: "\n")) {
                firstLine = String(decoding: written[..<end], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                break
            }
            if process.hasExited { break }
            usleep(2_000)
        }
        self.firstLine = firstLine
        port = Int(firstLine) ?? 0
    }

    /// Kills the child (SIGKILL; the servers under test ignore SIGTERM and children inherit
    /// that) and returns every line it printed after the first, in order.
    /// Calling it again returns the same lines.
    @discardableResult
    public func stop() -> [String] {
        recording.withLock { recorded in
            if let recorded { return recorded }
            if !process.hasExited { kill(process.processIdentifier, SIGKILL) }
            process.waitForExit()
            let text = String(decoding: (try? Data(contentsOf: outputFile)) ?? Data(), as: UTF8.self)
            let lines = Array(text.split(separator: "\n").dropFirst().map(String.init))
            recorded = lines
            return lines
        }
    }
}
