import ArgumentParser
import Foundation
import TrackwayCore
import TrackwayFormats
import TrackwayPipeline
import TrackwayStore

/// `trackway import`: streams WXR and Movable Type exports into the SQLite database.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import WordPress (WXR 1.0-1.2) and Movable Type exports into SQLite.",
        discussion: """
        The format is detected from the content; .gz files are read as they are, and a .zip \
        (WordPress.com's export) as each file inside it, in name order. A Movable Type \
        backup (Backup & Restore) is read from its .xml, a split backup's .manifest, or \
        MT's .tar.gz or .zip package; its mt-tb.cgi ping ids are kept. Importing the \
        same file again changes nothing and says so; an updated export updates what changed. \
        A pipe (/dev/stdin) is read too, once, front to back: not a .zip, and a Movable Type \
        text export from a pipe needs --site-key, its site being named after its file.

        Each batch of posts is one transaction: an interrupted import (even kill -9) loses \
        nothing already committed, and running it again completes it.

        Examples:
          trackway import blog.wordpress.2024-05-01.xml
          trackway import --db site.sqlite --json export.xml.gz
          trackway import site.wordpress.2024-05-01.zip   # every WXR inside, one site
          trackway import --timezone America/New_York --charset windows-1252 \\
            mt-export.txt
          # a split MT backup:
          trackway import Movable_Type-2011-04-01-09-30-00-Backup.manifest
          trackway import --dry-run suspicious.xml   # parse and validate, write nothing
          xzcat blog.xml.xz | trackway import /dev/stdin
        """
    )

    @Option(name: .long, help: DatabaseChoice.help)
    var db: String?

    @Flag(name: .long, help: "Print the summary as one JSON object on stdout instead of a table.")
    var json = false

    @Flag(name: .customLong("dry-run"), help: "Parse and validate every file without writing anything.")
    var dryRun = false

    @Option(name: .long, help: ArgumentHelp("IANA time zone of Movable Type local dates (recorded on the site).", valueName: "zone"))
    var timezone = "UTC"

    @Option(name: .long, help: ArgumentHelp("Character set of Movable Type files that are not UTF-8 (e.g. windows-1252).", valueName: "name"))
    var charset: String?

    @Option(name: .customLong("site-key"), help: ArgumentHelp("Identity of the imported site, to import a file as a different site (default: the blog URL, or the MT file name); for a Movable Type backup of several blogs, the prefix of each blog's key (KEY:blog_name, default mt).", valueName: "key"))
    var siteKey: String?

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Posts per transaction.", valueName: "n"))
    var batchSize = 500

    @Argument(help: ArgumentHelp("Export files to import (.xml, .txt, .gz, .zip, an MT backup's .manifest or .tar.gz), or a pipe such as /dev/stdin.", valueName: "file"))
    var files: [String]

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one export file to import.") }
        try ExportFileArguments.validate(files)
        guard batchSize > 0 else { throw ValidationError("--batch-size must be at least 1.") }
        guard TimeZone(identifier: timezone) != nil else {
            throw ValidationError("Unknown time zone '\(timezone)': use an IANA name such as UTC or Europe/Dublin.")
        }
    }

    func run() throws {
        var location = try DatabaseChoice.location(db, command: "import")
        if dryRun, case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            location = .sqlite(path: ":memory:")
        }
        var run = ImportRun(inputs: files.map(ExportInput.file))
        run.timeZone = timezone
        run.charset = charset
        run.siteKey = siteKey
        run.batchSize = batchSize
        run.dryRun = dryRun
        let progress = ProgressLine(enabled: StandardError.isTerminal && !json)
        let store = try DatabaseChoice.store(at: location, command: "import")
        let report = try run.perform(store: store, database: dryRun ? nil : location.description, progress: progress.show)
        print(json ? try report.jsonString() : report.table())
        if let failure = report.files.compactMap(\.error).first {
            StandardError.line("trackway import: \(failure)")
            throw ExitCode(1)
        }
    }
}
