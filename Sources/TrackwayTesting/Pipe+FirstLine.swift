import Foundation

extension Pipe {
    /// The first line a child process writes into this pipe, trimmed: how the tests' helper
    /// servers announce the port they bound. Empty when the child closes the pipe first.
    ///
    /// ```swift
    /// try server.run()
    /// let port = Int(output.firstLine()) ?? 0
    /// ```
    public func firstLine() -> String {
        var received = Data()
        while !received.contains(UInt8(ascii: "\n")) {
            let chunk = fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received.append(chunk)
        }
        let line = received.prefix { $0 != UInt8(ascii: "\n") }
        return String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
