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
        for command in Self.subcommands(of: [], in: try Self.wideHelp([])) {
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
        var commands = Self.subcommands(of: [], in: try Self.wideHelp([]))
        var checked = 0
        while let command = commands.popLast() {
            let help = try Self.wideHelp(command)
            commands += Self.subcommands(of: command, in: help)
            let lines = Self.discussion(in: help)
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

    /// `command`'s help as its source lines: printed for a terminal too wide to wrap anything.
    static func wideHelp(_ command: [String]) throws -> [String] {
        try help(command, columns: 1000).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The names under SUBCOMMANDS in `help`, `command`'s, as command paths.
    static func subcommands(of command: [String], in help: [String]) -> [[String]] {
        guard let start = help.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return help[(start + 1)...]
            .prefix { !$0.isEmpty }
            .compactMap { $0.split(separator: " ").first.map { command + [String($0)] } }
    }

    /// The discussion in `help`: between the overview and USAGE.
    static func discussion(in help: [String]) -> [String] {
        let usage = help.firstIndex { $0.hasPrefix("USAGE:") } ?? help.count
        return Array(help[help.indices.prefix(usage).dropFirst()])
    }
}
