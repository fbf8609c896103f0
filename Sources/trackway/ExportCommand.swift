import ArgumentParser
import Foundation
import TrackwayPipeline
import TrackwayStore

/// `trackway export`: one site back out as WXR 1.2, streamed.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one site as WXR 1.2, the format WordPress's importer reads.",
        discussion: """
        Movable Type sites leave as WXR too: statuses, comments and pings are mapped to \
        WordPress's vocabulary (pings stay trackbacks). Elements kept verbatim at import \
        (plugins, other namespaces) are written back. Meta that would make WordPress send pings \
        after the import (_pingme, _encloseme, _trackbackme) is never written. With \
        --include-received, the pings `trackway serve` received follow each post's own \
        comments (webmentions as comment type `webmention`, as the WordPress Webmention \
        plugin stores them); spam stays out.

        Examples:
          trackway export --output blog.wxr.xml
          trackway export --db all.sqlite --site 2 > lighthouse.xml
          trackway export --include-received --output blog-with-pings.wxr.xml
        """
    )

    @Option(name: .long, help: DatabaseChoice.help)
    var db: String?

    @Option(name: .long, help: ArgumentHelp("The site to export (required when the database holds several; see the list in the error).", valueName: "id"))
    var site: Int?

    @Option(name: .long, help: ArgumentHelp("Write here instead of stdout (written to a temporary file, then renamed: never half-written).", valueName: "file"))
    var output: String?

    @Flag(name: .customLong("include-received"), help: "Also write the trackbacks, pingbacks and webmentions the gateway received.")
    var includeReceived = false

    func run() throws {
        let store = try DatabaseChoice.existingStore(db, command: "export")
        do {
            let siteID = try SiteChoice.resolve(site, in: store)
            let progress = ProgressLine(enabled: StandardError.isTerminal && output != nil)
            try WXRExport(store: store, siteID: siteID, includeReceived: includeReceived).write(to: output, progress: progress.show)
        } catch let error as SiteChoice.Failure {
            StandardError.line("trackway export: \(error)")
            throw ExitCode(1)
        }
    }
}
