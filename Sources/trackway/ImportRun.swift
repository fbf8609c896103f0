import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayStore

/// One import of several files into a store, shared by `import` and `migrate`.
struct ImportRun {
    var files: [String]
    var timeZone: String
    var charset: String?
    var siteKey: String?
    var batchSize: Int
    var dryRun: Bool
    var showProgress: Bool

    /// Imports every file in order (a file that stops early does not stop the others) and
    /// commits; the report says what happened to each.
    func perform(store: Store, database: String?) throws -> ImportReport {
        let session = ImportSession(store: store, batchSize: batchSize, dryRun: dryRun)
        var report = ImportReport(database: database)
        let started = Date()
        for file in files {
            report.files.append(importFile(file, into: session))
            // A file that stopped inside a post in pieces leaves none of that post.
            try session.discardUnfinishedPost()
        }
        report.summary = try session.finish()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Parses `path` on a second thread while this one writes, so both cores work.
    private func importFile(_ path: String, into session: ImportSession) -> FileOutcome {
        var outcome = FileOutcome(file: path)
        var options = ReadOptions(fileName: path)
        options.timeZone = timeZone
        options.charset = charset
        options.siteKey = siteKey
        let progress = ProgressLine(enabled: showProgress, label: path)
        let pipe = RecordPipe()
        Thread { [options] in Self.read(path, options: options, into: pipe) }.start()
        batches: while let batch = pipe.next() {
            for item in batch.items {
                switch item {
                case .opened(let format, let totalBytes):
                    outcome.format = format
                    progress.start(totalBytes: totalBytes)
                case .record(let record):
                    do {
                        try session.write(record)
                    } catch {
                        outcome.error = "\(path): \(error)"
                        pipe.cancel()
                        // Wait for the reader to stop before the next file opens.
                        while pipe.next() != nil {}
                        break batches
                    }
                case .warning(let warning):
                    outcome.warnings.append(warning)
                case .failed(let message):
                    outcome.error = message
                }
            }
            progress.update(bytes: batch.bytesRead, items: session.summary.itemsSeen)
            pipe.giveBack(batch)
        }
        progress.finish()
        return outcome
    }

    /// The reading thread: every record and warning of `path` into `pipe`, then closes it.
    private static func read(_ path: String, options: ReadOptions, into pipe: RecordPipe) {
        defer { pipe.close() }
        var position = 0
        do {
            let (reader, file, format) = try openExportReader(.file(path), options: options)
            try pipe.add(.opened(format: format.rawValue, totalBytes: file.totalBytes), bytesRead: 0)
            try reader.read(
                emit: { record in
                    position = file.bytesRead
                    try pipe.add(.record(record), bytesRead: position)
                },
                warn: { pipe.append(.warning($0.description)) }
            )
        } catch is RecordPipe.Cancelled {
            return
        } catch let error as ImportError {
            try? pipe.add(.failed(error.description), bytesRead: position)
        } catch {
            try? pipe.add(.failed("\(path): \(error)"), bytesRead: position)
        }
    }
}
