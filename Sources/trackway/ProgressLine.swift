import Foundation
import TrackwayPipeline

/// A live progress line on a terminal (`bytes, MB/s, items, ETA`), redrawn at most four times a
/// second; silent when stderr is not a terminal.
///
/// ```swift
/// let line = ProgressLine(enabled: StandardError.isTerminal)
/// try run.perform(store: store, database: path, progress: line.show)
/// ```
final class ProgressLine {
    private let enabled: Bool
    private var label = ""
    private var totalBytes = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var drew = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Follows an import or export: a line per input or output, cleared when it ends.
    func show(_ event: ProgressEvent) {
        switch event {
        case .began(let name, let totalBytes):
            label = name
            start(totalBytes: totalBytes)
        case .advanced(let bytes, let items):
            update(bytes: bytes, items: items)
        case .ended:
            finish()
        }
    }

    private func start(totalBytes: Int) {
        self.totalBytes = totalBytes
        started = Date()
    }

    /// Redraws when a quarter second has passed since the last draw.
    private func update(bytes: Int, items: Int) {
        guard enabled else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.25 else { return }
        lastDraw = now
        drew = true
        StandardError.write("\r\u{1B}[K" + Self.describe(label: label, bytes: bytes, totalBytes: totalBytes, items: items, elapsed: now.timeIntervalSince(started)))
    }

    /// Clears the line so the summary starts on a clean terminal line; the next input or output
    /// starts a line of its own.
    private func finish() {
        if enabled && drew { StandardError.write("\r\u{1B}[K") }
        drew = false
        lastDraw = .distantPast
    }

    /// The text of one progress line; the ETA extrapolates the byte rate so far.
    static func describe(label: String, bytes: Int, totalBytes: Int, items: Int, elapsed: TimeInterval) -> String {
        let megabytes = Double(bytes) / 1_000_000
        let rate = elapsed > 0 ? megabytes / elapsed : 0
        var text = "\(label): " + String(format: "%.1f", megabytes)
        if totalBytes > 0 {
            let percent = min(100, Double(bytes) * 100 / Double(totalBytes))
            text += String(format: "/%.1f MB (%.0f%%)", Double(totalBytes) / 1_000_000, percent)
        } else {
            text += " MB"
        }
        text += String(format: ", %.1f MB/s, %d items", rate, items)
        if totalBytes > bytes, rate > 0 {
            let remaining = Double(totalBytes - bytes) / 1_000_000 / rate
            text += String(format: ", ETA %d:%02d", Int(remaining) / 60, Int(remaining) % 60)
        }
        return text
    }
}
