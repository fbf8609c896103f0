import ArgumentParser
import Foundation
import TrackwayStore

/// `trackway stats`: what the database holds, across all sites.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count what the database holds: sites, authors, terms, posts, comments and pings.",
        discussion: """
        Comments of every approval state count (approved, pending, spam, trash). Terms are \
        distinct taxonomy and slug pairs. Trackbacks, pingbacks and webmentions are counted apart \
        from plain comments.

        Examples:
          trackway stats
          trackway stats --db site.sqlite --json | jq .pingbacks
        """
    )

    @Option(name: .long, help: DatabaseChoice.help)
    var db: String?

    @Flag(name: .long, help: "Print one JSON object with integer fields instead of a table.")
    var json = false

    func run() throws {
        let stats = try DatabaseChoice.existingStore(db, command: "stats").stats()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            let rows: [(String, Int)] = [
                ("sites", stats.sites), ("authors", stats.authors), ("terms", stats.terms),
                ("posts", stats.posts), ("pages", stats.pages), ("attachments", stats.attachments),
                ("other items", stats.otherItems), ("comments", stats.comments),
                ("trackbacks", stats.trackbacks), ("pingbacks", stats.pingbacks), ("webmentions", stats.webmentions),
            ]
            for (name, count) in rows {
                print(name.padding(toLength: 12, withPad: " ", startingAt: 0) + String(count))
            }
        }
    }
}
