import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayStore

/// One import of several exports (files or bytes in memory, WXR or Movable Type, gzip or not,
/// or each file of a zip archive in name order, as WordPress.com exports a site) into a store: what `trackway import` and `trackway migrate` run, and what tests run in process.
///
/// Each input is parsed on a second thread while the calling thread writes, so both cores work.
/// An input that stops early (a document that is not well-formed, a write that fails) does not
/// stop the others, and keeps what it imported before the point where it stopped.
///
/// ```swift
/// var run = ImportRun(inputs: [.file("blog.xml.gz"), .bytes(Array(mtText.utf8), name: "log.txt")])
/// run.timeZone = "Europe/Dublin"   // Movable Type dates are local
/// let report = try run.perform(store: try Store(path: "blog.sqlite"), database: "blog.sqlite")
/// print(report.summary.posts.added, report.files.compactMap(\.error))
/// ```
public struct ImportRun: Sendable {
    /// What to import, in order.
    public var inputs: [ExportInput]
    /// The IANA zone of Movable Type's local dates, recorded on the site.
    public var timeZone = "UTC"
    /// The character set of Movable Type inputs that are not UTF-8; nil means UTF-8.
    public var charset: String?
    /// The identity of the imported site, to import an export as a different site; nil means
    /// the blog URL (WXR) or the input's base name (Movable Type).
    public var siteKey: String?
    /// Posts per transaction.
    public var batchSize = 500
    /// Parse, validate and compare, but write nothing.
    public var dryRun = false

    /// An import of `inputs` with the defaults `trackway import` has.
    public init(inputs: [ExportInput]) {
        self.inputs = inputs
    }

    /// Imports every input in order and commits; the report says what happened to each, and
    /// names the database as `database` (nil for a dry run). `progress` hears of each input as
    /// it is read, on the calling thread. A failure inside an input is in its outcome. A failed
    /// write ends the import there: the inputs after it are reported unread, and the summary
    /// counts what the committed batches stored. Throws only when the store fails between inputs
    /// or at the last commit.
    public func perform(store: Store, database: String?, progress: ((ProgressEvent) -> Void)? = nil) throws -> ImportReport {
        let session = ImportSession(store: store, batchSize: batchSize, dryRun: dryRun)
        var report = ImportReport(database: database)
        let started = Date()
        for input in inputs {
            if let failure = session.failure {
                report.files.append(.unread(input.name, after: failure))
                continue
            }
            let members: [ExportInput]
            do {
                members = try input.members()
            } catch {
                var refused = FileOutcome(file: input.name)
                refused.error = "\(error)"
                report.files.append(refused)
                continue
            }
            for member in members {
                if let failure = session.failure {
                    report.files.append(.unread(member.name, after: failure))
                    continue
                }
                report.files.append(importInput(member, into: session, progress: progress))
                // An input that stopped inside a post in pieces leaves none of that post.
                try session.discardUnfinishedPost()
            }
        }
        report.summary = session.failure == nil ? try session.finish() : session.summary
        report.seconds = Date().timeIntervalSince(started)
        return report
    }

    /// Parses `input` on a second thread while this one writes, so both cores work.
    private func importInput(_ input: ExportInput, into session: ImportSession, progress: ((ProgressEvent) -> Void)?) -> FileOutcome {
        let name = input.name
        var outcome = FileOutcome(file: name)
        var options = ReadOptions(fileName: name)
        options.siteFileName = input.siteFileName
        options.timeZone = timeZone
        options.charset = charset
        options.siteKey = siteKey
        progress?(.began(name: name, totalBytes: 0))
        let pipe = RecordPipe()
        Thread { [options] in Self.read(input, options: options, into: pipe) }.start()
        batches: while let batch = pipe.next() {
            // Read in place: a copy of each item retained and released every string of its record.
            for index in batch.items.indices {
                switch batch.items[index] {
                case .opened(let format, let totalBytes):
                    outcome.format = format
                    progress?(.began(name: name, totalBytes: totalBytes))
                case .record(let record):
                    do {
                        try session.write(record)
                    } catch {
                        outcome.error = "\(name): \(error)"
                        pipe.cancel()
                        // Wait for the reader to stop before the next input opens.
                        while pipe.next() != nil {}
                        break batches
                    }
                case .warning(let warning):
                    outcome.warnings.append(warning)
                case .failed(let message):
                    outcome.error = message
                }
            }
            progress?(.advanced(bytes: batch.bytesRead, items: session.summary.itemsSeen))
            pipe.giveBack(batch)
        }
        progress?(.ended)
        return outcome
    }

    /// The reading thread: every record and warning of `input` into `pipe`, then closes it.
    private static func read(_ input: ExportInput, options: ReadOptions, into pipe: RecordPipe) {
        defer { pipe.close() }
        var position = 0
        do {
            let (reader, file, format) = try openExportReader(input, options: options)
            try pipe.add(.opened(format: format.rawValue, totalBytes: file.totalBytes), bytesRead: 0, bytesDecoded: 0)
            try reader.read(
                emit: { record in
                    position = file.bytesRead
                    try pipe.add(.record(record), bytesRead: position, bytesDecoded: file.bytesDecoded)
                },
                warn: { pipe.append(.warning($0.description)) }
            )
        } catch is RecordPipe.Cancelled {
            return
        } catch let error as ImportError {
            try? pipe.add(.failed(error.description), bytesRead: position, bytesDecoded: 0)
        } catch {
            try? pipe.add(.failed("\(input.name): \(error)"), bytesRead: position, bytesDecoded: 0)
        }
    }
}
