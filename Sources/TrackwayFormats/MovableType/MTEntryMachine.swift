import TrackwayCore

/// The line state machine of the Movable Type format: lines in, complete entries out.
///
/// ```swift
/// var machine = MTEntryMachine()
/// for (number, line) in lines { if let entry = machine.feed(line, number: number) { … } }
/// if let last = machine.finish() { … }
/// ```
///
/// Separators are whole lines: `--------` ends an entry, `-----` a section. A content line that
/// is a separator followed by one TAB is Movable Type 9's escape and loses the TAB.
struct MTEntryMachine {
    private enum State {
        /// Reading `KEY: VALUE` lines.
        case metadata
        /// After a `-----`: the next non-blank line names a section.
        case sectionStart
        /// Reading a section's header lines (comments and pings) or text.
        case section(readingHeaders: Bool)
    }

    private static let headerKeys: [String: Set<String>] = [
        "COMMENT": ["AUTHOR", "EMAIL", "URL", "IP", "DATE"],
        "PING": ["TITLE", "URL", "IP", "BLOG NAME", "DATE"],
    ]

    private var state = State.metadata
    private var entry: MTEntry?
    private var sectionLines: [String] = []
    /// Closed `COMMENT` and `PING` sections in the open entry.
    private var closedPingsAndComments = 0

    /// The entry being read, if any: its metadata and sections so far, the last perhaps still open.
    var openEntry: MTEntry? { entry }

    /// Feeds one line (without its terminator); returns the entry it completed, if any.
    mutating func feed(_ line: String, number: Int) -> MTEntry? {
        if line == "--------" { return finish() }
        if line == "-----" {
            closeSection()
            state = .sectionStart
            return nil
        }
        let content = line == "--------\t" || line == "-----\t" ? String(line.dropLast()) : line
        switch state {
        case .metadata:
            let trimmed = content.trimmingWhitespace()
            guard !trimmed.isEmpty else { return nil }
            let (key, value) = Self.split(trimmed)
            update(number) { $0.fields.append(MTEntry.Field(key: key, value: value, line: number)) }
        case .sectionStart:
            let trimmed = content.trimmingWhitespace()
            guard !trimmed.isEmpty else { return nil }
            let name = trimmed.hasSuffix(":") ? String(trimmed.dropLast()).trimmingWhitespace() : ""
            update(number) { $0.sections.append(MTEntry.Section(name: name, line: number)) }
            sectionLines = []
            state = .section(readingHeaders: Self.headerKeys[name] != nil)
            // A piece without a header line is kept whole, under an empty name.
            if name.isEmpty { sectionLines.append(content) }
        case .section(let readingHeaders):
            if readingHeaders, let header = header(content, number: number) {
                update(number) { $0.sections[$0.sections.count - 1].headers.append(header) }
            } else if readingHeaders, content.trimmingWhitespace().isEmpty {
                return nil
            } else {
                state = .section(readingHeaders: false)
                sectionLines.append(content)
            }
        }
        return nil
    }

    /// Ends the input; returns the last entry when the file lacks a final `--------`.
    mutating func finish() -> MTEntry? {
        closeSection()
        state = .metadata
        closedPingsAndComments = 0
        defer { entry = nil }
        return entry
    }

    /// Takes the closed `COMMENT` and `PING` sections out of the open entry once it holds
    /// `count` of them, so that an entry with thousands need not hold them all; nil until then.
    mutating func takeClosedPingsAndComments(atLeast count: Int) -> [MTEntry.Section]? {
        guard closedPingsAndComments >= count, var open = entry else { return nil }
        entry = nil
        let closedEnd = open.sections.count - (isReadingSection ? 1 : 0)
        var taken: [MTEntry.Section] = []
        var kept: [MTEntry.Section] = []
        for (index, section) in open.sections.enumerated() {
            if index < closedEnd && Self.isPingOrComment(section) {
                taken.append(section)
            } else {
                kept.append(section)
            }
        }
        open.sections = kept
        entry = open
        closedPingsAndComments = 0
        return taken
    }

    /// Whether `section` is a comment or a ping, which come in any number.
    static func isPingOrComment(_ section: MTEntry.Section) -> Bool {
        section.name == "COMMENT" || section.name == "PING"
    }

    private var isReadingSection: Bool {
        if case .section = state { return true }
        return false
    }

    /// Counts replaced characters toward the entry being read.
    mutating func noteReplacedCharacters(_ count: Int, line: Int) {
        guard count > 0 else { return }
        update(line) { $0.replacedCharacters += count }
    }

    /// Changes the open entry (starting one at `line` if none is open) without copying its arrays.
    private mutating func update(_ line: Int, _ change: (inout MTEntry) -> Void) {
        var open = entry ?? MTEntry(line: line)
        entry = nil
        change(&open)
        entry = open
    }

    private mutating func closeSection() {
        guard case .section = state else { return }
        let text = sectionLines.joined(separator: "\n").trimmingWhitespace()
        sectionLines = []
        update(0) { open in
            if let last = open.sections.indices.last { open.sections[last].text = text }
        }
        if let last = entry?.sections.last, Self.isPingOrComment(last) { closedPingsAndComments += 1 }
    }

    /// A comment or ping header line, when `line` is one for the open section.
    private func header(_ line: String, number: Int) -> MTEntry.Field? {
        guard let name = entry?.sections.last?.name, let keys = Self.headerKeys[name] else { return nil }
        let trimmed = line.trimmingWhitespace()
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let key = String(trimmed[..<colon]).trimmingWhitespace()
        guard keys.contains(key) else { return nil }
        return MTEntry.Field(key: key, value: String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace(), line: number)
    }

    /// Splits `KEY: VALUE` on the first colon; a line without one is a key with an empty value.
    static func split(_ line: String) -> (String, String) {
        guard let colon = line.firstIndex(of: ":") else { return (line, "") }
        return (String(line[..<colon]).trimmingWhitespace(), String(line[line.index(after: colon)...]).trimmingWhitespace())
    }
}
