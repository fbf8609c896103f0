import Foundation

/// `trackway serve` as a user starts it, on a free port of 127.0.0.1, reading the port from its
/// log line. It ignores SIGTERM while serving (it drains), so `stop` kills it.
final class ServeProcess {
    private let process = Process()
    private(set) var port = 0

    var base: String { "http://127.0.0.1:\(port)" }

    init(database: URL, extraArguments: [String] = []) throws {
        process.executableURL = CommandLineHarness.trackwayBinary
        process.arguments = ["serve", "--db", database.path, "--port", "0", "--quiet", "--allow-private-sources"] + extraArguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("serving ") || !text.hasSuffix("\n") {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        if let range = text.range(of: "on http://127.0.0.1:") {
            port = Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
        }
        guard port > 0 else {
            stop()
            throw HarnessError(message: "trackway serve did not start: \(text)")
        }
    }

    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
