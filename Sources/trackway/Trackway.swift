import ArgumentParser

/// The `trackway` command: import WordPress and Movable Type exports into SQLite, serve their
/// TrackBack and Pingback endpoints, and export WXR back out.
struct Trackway: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trackway",
        abstract: "WordPress / Movable Type compatibility gateway and migrator.",
        discussion: """
        Typical migration:
          trackway import blog.wordpress.2024-01-01.xml.gz   # into ./trackway.sqlite
          trackway stats
          trackway serve --public-url https://old-blog.example   # old ping URLs work
        """,
        subcommands: [ImportCommand.self, StatsCommand.self, ExportCommand.self, MigrateCommand.self, ServeCommand.self, PingsCommand.self, RulesCommand.self, AdminCommand.self, PingCommand.self, RedirectsCommand.self]
    )
}
