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
        }
        report.summary = try session.finish()
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    private func importFile(_ path: String, into session: ImportSession) -> FileOutcome {
        var outcome = FileOutcome(file: path)
        var options = ReadOptions(fileName: path)
        options.timeZone = timeZone
        options.charset = charset
        options.siteKey = siteKey
        let progress = ProgressLine(enabled: showProgress, label: path)
        do {
            let (reader, file, format) = try openExportReader(path: path, options: options)
            outcome.format = format.rawValue
            progress.start(totalBytes: file.totalBytes)
            try reader.read(
                emit: { record in
                    try session.write(record)
                    if case .post = record { progress.update(bytes: file.bytesRead, items: session.summary.itemsSeen) }
                },
                warn: { outcome.warnings.append($0.description) }
            )
        } catch let error as ImportError {
            outcome.error = error.description
        } catch {
            outcome.error = "\(path): \(error)"
        }
        progress.finish()
        return outcome
    }
}
