import ArgumentParser
import Foundation

/// Reads a password: from the terminal with echo off (asked twice), or the first line of
/// standard input when that is no terminal (a pipe, a file).
enum PasswordInput {
    static func read(prompt: String) throws -> String {
        let password: String
        if isatty(0) == 1 {
            let first = try readHidden(prompt)
            guard try readHidden("Again: ") == first else { throw ValidationError("the two passwords differ; nothing was changed") }
            password = first
        } else {
            password = firstLine(of: FileHandle.standardInput.readDataToEndOfFile())
        }
        guard !password.isEmpty else { throw ValidationError("the password is empty; nothing was changed") }
        return password
    }

    /// The first line of `data` without its line ending.
    static func firstLine(of data: Data) -> String {
        let line = data.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: false).first ?? Data()
        let text = String(decoding: line, as: UTF8.self)
        return text.hasSuffix("\r") ? String(text.dropLast()) : text
    }

    /// One line from the terminal with echo turned off (and back on, however the read ends).
    private static func readHidden(_ prompt: String) throws -> String {
        StandardError.write(prompt)
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { throw ValidationError("cannot read the terminal's settings") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        guard tcsetattr(0, TCSAFLUSH, &silent) == 0 else { throw ValidationError("cannot turn the terminal's echo off") }
        defer { tcsetattr(0, TCSAFLUSH, &saved) }
        guard let line = readLine(strippingNewline: true) else { throw ValidationError("no password was given") }
        return line
    }
}
