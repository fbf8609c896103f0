import ArgumentParser
import Foundation
import TrackwayFormats
import TrackwayPipeline
import TrackwayStore

/// `trackway migrate`: import then export in one go (Movable Type to WordPress, typically).
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Import exports and write the site back out as WXR 1.2 in one command.",
        discussion: """
        The common case is a Movable Type blog going to WordPress: the result is a file \
        WordPress's importer reads, with entries as posts, comments as comments and pings as \
        trackbacks. The database is temporary unless --db names one to keep.

        Examples:
          trackway migrate mt-export.txt --timezone Europe/Dublin --output blog.wxr.xml
          trackway migrate part1.xml part2.xml --db kept.sqlite --output merged.xml
        """
    )

    @Argument(help: ArgumentHelp("Export files to import (.xml, .txt, .gz, .zip).", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("Where to write the WXR file.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp(
        "Keep the intermediate database here: a SQLite file or a postgresql:// URL (default: \(StoreLocation.environmentVariable) when set, else a temporary file).",
        valueName: "path-or-url"
    ))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Site to export when the files hold several.", valueName: "id"))
    var site: Int?

    @Option(name: .long, help: ArgumentHelp("IANA time zone of Movable Type local dates.", valueName: "zone"))
    var timezone = "UTC"

    @Option(name: .long, help: ArgumentHelp("Character set of Movable Type files that are not UTF-8.", valueName: "name"))
    var charset: String?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one export file to migrate.") }
        try ExportFileArguments.validate(files)
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("Unknown time zone '\(timezone)': use an IANA name such as UTC or Europe/Dublin.")
        }
    }

    func run() throws {
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("trackway-migrate-\(getpid()).sqlite").path
        let named = db != nil || ProcessInfo.processInfo.environment[StoreLocation.environmentVariable]?.isEmpty == false
        let location = named ? try DatabaseChoice.location(db, command: "migrate") : .sqlite(path: temporary)
        defer {
            if !named {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
            }
        }
        let store = try DatabaseChoice.store(at: location, command: "migrate")
        var run = ImportRun(inputs: files.map(ExportInput.file))
        run.timeZone = timezone
        run.charset = charset
        let report = try run.perform(store: store, database: location.description, progress: ProgressLine(enabled: StandardError.isTerminal).show)
        // What did not stop the import is still the user's to know: each with its file and line.
        for warning in report.files.flatMap(\.warnings) {
            StandardError.line("warning: \(warning)")
        }
        if let failure = report.files.compactMap(\.error).first {
            StandardError.line("trackway migrate: \(failure) (nothing exported)")
            throw ExitCode(1)
        }
        do {
            let siteID = try SiteChoice.resolve(site, in: store)
            let items = try WXRExport(store: store, siteID: siteID).write(to: output, progress: ProgressLine(enabled: StandardError.isTerminal).show)
            StandardError.line("migrated \(files.count) file(s): \(items) items written to \(output)")
        } catch let error as SiteChoice.Failure {
            StandardError.line("trackway migrate: \(error)")
            throw ExitCode(1)
        }
    }
}
