import Foundation

/// Writes to the process's standard error and tells whether it is a terminal.
enum StandardError {
    /// True when stderr is a terminal, so live progress lines make sense.
    static var isTerminal: Bool { isatty(2) == 1 }

    /// Writes `text` as it is (no newline added).
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes `text` followed by a newline.
    static func line(_ text: String) {
        write(text + "\n")
    }
}
