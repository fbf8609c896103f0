import Foundation
import Testing
import TrackwayTesting

/// `--help` is where a user learns a command: every command explains itself with examples, and its
/// text reads whole in an 80-column terminal.
struct HelpTextTests {
    /// The terminal width `--help` is written for, and what ArgumentParser assumes without one.
    static let terminalColumns = 80

    @Test("every top-level command's --help explains it with an example of itself")
    func everyCommandHasAnExample() throws {
        for command in try Self.subcommands(of: []) {
            let help = try Self.help(command, columns: Self.terminalColumns)
            #expect(help.contains("trackway \(command.joined(separator: " "))"), "\(command) --help lacks an example")
        }
    }

    /// ArgumentParser wraps each line of a discussion to the terminal on its own: a paragraph
    /// broken by hand into lines wider than the terminal comes out with a word or two alone on
    /// every other line, and an example wider than it is cut mid-command. A paragraph written as
    /// one line (`\` at the ends of the source lines) is wrapped whole, which is how it should be.
    @Test("no command's --help has a line broken by the terminal's width: hand-broken paragraphs and examples fit 80 columns")
    func discussionsFitTheTerminal() throws {
        var commands = try Self.subcommands(of: [])
        var checked = 0
        while let command = commands.popLast() {
            commands += try Self.subcommands(of: command)
            let lines = try Self.discussion(of: command)
            for (index, line) in lines.enumerated() where line.count > Self.terminalColumns {
                let next = index + 1 < lines.count ? lines[index + 1] : ""
                let wholeParagraph = !line.hasPrefix(" ") && (next.isEmpty || next.hasPrefix("- "))
                #expect(wholeParagraph, "trackway \(command.joined(separator: " ")) --help: \(line.count) columns: \(line)")
            }
            checked += 1
        }
        #expect(checked > 20, "only \(checked) commands found")
    }

    /// `trackway COMMAND... --help` as printed for a terminal `columns` wide.
    static func help(_ command: [String], columns: Int) throws -> String {
        let result = try ChildProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["COLUMNS=\(columns)", CommandLineHarness.trackwayBinary.path] + command + ["--help"]
        )
        try #require(result.status == 0, "\(command) --help: \(result.stderr)")
        return result.stdout
    }

    /// The names under SUBCOMMANDS in `command`'s help, as command paths.
    static func subcommands(of command: [String]) throws -> [[String]] {
        let lines = try help(command, columns: 1000).split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...]
            .prefix { !$0.isEmpty }
            .compactMap { $0.split(separator: " ").first.map { command + [String($0)] } }
    }

    /// The discussion of `command`'s help (between the overview and USAGE) as its source
    /// lines: printed for a terminal too wide to wrap anything.
    static func discussion(of command: [String]) throws -> [String] {
        let lines = try help(command, columns: 1000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let usage = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
        return Array(lines[lines.indices.prefix(usage).dropFirst()])
    }
}
