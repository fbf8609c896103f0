import ArgumentParser
import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayStore

/// `trackway import`: streams WXR and Movable Type exports into the SQLite database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import WordPress (WXR 1.0-1.2) and Movable Type exports into SQLite.",
        discussion: """
        The format is detected from the content; .gz files are read as they are. Importing the
        same file again changes nothing and says so; an updated export updates what changed.
        Each batch of posts is one transaction: an interrupted import (even kill -9) loses
        nothing already committed, and running it again completes it.

        Examples:
          trackway import blog.wordpress.2024-05-01.xml
          trackway import --db site.sqlite --json export.xml.gz
          trackway import --timezone America/New_York --charset windows-1252 mt-export.txt
          trackway import --dry-run suspicious.xml      # parse and validate, write nothing
        """
    )

    @Option(name: .long, help: ArgumentHelp("The SQLite database to import into (created if missing).", valueName: "path"))
    var db = "trackway.sqlite"

    @Flag(name: .long, help: "Print the summary as one JSON object on stdout instead of a table.")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Parse and validate every file without writing anything.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("IANA time zone of Movable Type local dates (recorded on the site).", valueName: "zone"))
    var timezone = "UTC"

    @Option(name: .long, help: ArgumentHelp("Character set of Movable Type files that are not UTF-8 (e.g. windows-1252).", valueName: "name"))
    var charset: String?

    @Option(name: .customLong("site-key"), help: ArgumentHelp("Identity of the imported site, to import a file as a different site (default: the blog URL, or the MT file name).", valueName: "key"))
    var siteKey: String?

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Posts per transaction.", valueName: "n"))
    var batchSize = 500

    @Argument(help: ArgumentHelp("Export files to import (.xml, .txt, .gz).", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one export file to import.") }
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1.") }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("Unknown time zone '\(timezone)': use an IANA name such as UTC or Europe/Dublin.")
        }
    }

    func run() throws {
        let store = try Store(path: dryRun ? ":memory:" : db)
        let session = ImportSession(store: store, batchSize: batchSize, dryRun: dryRun)
        var report = ImportReport(database: dryRun ? nil : db)
        var failure: String?
        for file in files {
            let outcome = importFile(file, into: session)
            report.files.append(outcome)
            if let error = outcome.error, failure == nil { failure = error }
        }
        report.summary = try session.finish()
        if json {
            print(try report.jsonString())
        } else {
            print(report.table())
        }
        if let failure {
            StandardError.line("trackway import: \(failure)")
            throw ExitCode(1)
        }
    }

    private func importFile(_ path: String, into session: ImportSession) -> FileOutcome {
        var outcome = FileOutcome(file: path)
        var options = ReadOptions(fileName: path)
        options.timeZone = timezone
        options.charset = charset
        options.siteKey = siteKey
        let progress = ProgressLine(enabled: StandardError.isTerminal && !json, label: path)
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
            outcome.items = session.summary.itemsSeen
        } catch let error as ImportError {
            outcome.error = error.description
            outcome.stoppedAt = error.description
        } catch {
            outcome.error = "\(path): \(error)"
        }
        progress.finish()
        return outcome
    }
}
