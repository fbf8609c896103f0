import Foundation
import TrackwayTesting

/// A `trackway serve` child process on 127.0.0.1, on a port the system picked, logging to a file.
///
/// ```swift
/// let server = try ServerProcess.start(database: db, arguments: ["--quiet"], log: folder.appendingPathComponent("serve.log"))
/// defer { server.stop() }
/// ```
///
/// Unchecked Sendable: every property is set once at start, and `Process` may be signalled and
/// waited for from any thread.
final class ServerProcess: @unchecked Sendable {
    let process: Process
    let port: Int
    let log: URL

    private init(process: Process, port: Int, log: URL) {
        self.process = process
        self.port = port
        self.log = log
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// Starts `trackway serve --db DATABASE --port 0 ARGUMENTS` and waits until it logs its port.
    static func start(database: URL, arguments: [String], log: URL) throws -> ServerProcess {
        try start(db: database.path, arguments: arguments, log: log)
    }

    /// Starts `trackway serve --db DB --port 0 ARGUMENTS` (DB a file's path or a database URL)
    /// and waits until it logs its port.
    static func start(db: String, arguments: [String], log: URL) throws -> ServerProcess {
        // A file, not a pipe: a pipe nobody drains would block the server once it is full.
        try Data().write(to: log)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = CommandLineHarness.trackwayBinary
        process.arguments = ["serve", "--db", db, "--port", "0"] + arguments
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !process.hasExited {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let match = text.firstMatch(of: /serving .* on http:\/\/127\.0\.0\.1:(\d+)/), let port = Int(match.1) {
                return ServerProcess(process: process, port: port, log: log)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitForExit()
        throw HarnessError(message: "trackway serve did not start: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
    }

    /// Waits (up to 20 s) until the server's log says it loaded the spam rules of `version`.
    func waitForSpamRules(version: Int) throws {
        for _ in 0..<200 {
            if (try String(contentsOf: log, encoding: .utf8)).contains("spam rules loaded (version \(version))") { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw HarnessError(message: "the server never loaded the spam rules of version \(version)")
    }

    /// kill -9: no chance to finish a request, flush or close anything.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitForExit()
    }

    /// Asks the server to shut down (SIGTERM); kills it when it has not stopped after 10 seconds.
    func stop() {
        guard !process.hasExited else { return }
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while !process.hasExited, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if !process.hasExited { kill9() }
    }
}
