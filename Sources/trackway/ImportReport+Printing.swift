import Foundation
import TrackwayPipeline
import TrackwayStore

/// How `trackway import` prints its report: one JSON object, or a table for people.
extension ImportReport {
    func jsonString() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A table for people: one row per kind that occurred, then warnings and where files stopped.
    func table() -> String {
        var lines: [String] = []
        for outcome in files {
            let state = outcome.error == nil ? "imported" : "stopped"
            lines.append("\(state) \(outcome.file) (\(outcome.format.isEmpty ? "unknown format" : outcome.format))")
        }
        let ending = files.contains { $0.error != nil } ? "ended with errors (below)" : summary.dryRun ? "checked" : "done"
        lines.append(String(format: "%@ in %.2f s%@", ending, seconds, database.map { " into \($0)" } ?? " (dry run, nothing written)"))
        lines.append("")
        lines.append("kind".padding(toLength: 14, withPad: " ", startingAt: 0) + "   added  updated  unchanged  skipped")
        for kind in ImportKind.allCases {
            let counts = summary[kind]
            guard counts.total > 0 else { continue }
            let cells = [counts.added, counts.updated, counts.unchanged, counts.skipped]
                .enumerated().map { index, value in
                    let width = [8, 9, 11, 9][index]
                    return String(repeating: " ", count: max(0, width - String(value).count)) + String(value)
                }
            lines.append(kind.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0) + cells.joined())
        }
        for skipped in summary.skippedRecords {
            lines.append("skipped \(skipped)")
        }
        for (element, count) in summary.skippedElements.sorted(by: { $0.key < $1.key }) {
            lines.append("skipped element <\(element)>: \(count), not imported")
        }
        let warnings = files.flatMap(\.warnings)
        if !warnings.isEmpty {
            lines.append("")
            lines.append("warnings (\(warnings.count)):")
            lines.append(contentsOf: warnings.map { "  \($0)" })
        }
        for outcome in files {
            if let error = outcome.error { lines.append("stopped at \(error)") }
        }
        return lines.joined(separator: "\n")
    }
}
