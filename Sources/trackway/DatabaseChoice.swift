import ArgumentParser
import Foundation
import TrackwayStore

/// Which database a command uses: its `--db` value (a SQLite file's path, or a
/// `postgresql://` / `postgres://` URL), else `TRACKWAY_DATABASE_URL`, else `trackway.sqlite`.
///
/// ```swift
/// @Option(help: DatabaseChoice.help) var db: String?
/// let store = try DatabaseChoice.existingStore(db, command: "stats")
/// ```
///
/// A mistake in the URL ends the command with a message that names the field, never the password.
enum DatabaseChoice {
    /// The file commands use when neither `--db` nor the environment names a database.
    static let defaultPath = "trackway.sqlite"

    /// The `--db` option's help, the same for every command.
    static let help = ArgumentHelp(
        "The database: a SQLite file (default \(defaultPath)) or a postgresql://user@host:port/dbname URL. Without --db, \(StoreLocation.environmentVariable) when set (keeps a password out of the process list).",
        valueName: "path-or-url"
    )

    /// The location `option` names, or the command ends with the URL's error.
    static func location(_ option: String?, command: String) throws -> StoreLocation {
        do {
            return try StoreLocation.resolve(option: option, environment: ProcessInfo.processInfo.environment, defaultPath: defaultPath)
        } catch let error as StoreError {
            StandardError.line("trackway \(command): \(error)")
            throw ExitCode(1)
        }
    }

    /// The store at `option`'s location, which must exist already: a missing SQLite file ends
    /// the command with a hint rather than creating an empty database.
    static func existingStore(_ option: String?, command: String) throws -> Store {
        let location = try location(option, command: command)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            StandardError.line("trackway \(command): no database at \(path) (run trackway import first, or pass --db)")
            throw ExitCode(1)
        }
        return try store(at: location, command: command)
    }

    /// The store at `location`; one that cannot be opened (no server, a newer schema) ends the
    /// command with the store's message.
    static func store(at location: StoreLocation, command: String) throws -> Store {
        do {
            return try Store(location: location)
        } catch let error as StoreError {
            StandardError.line("trackway \(command): \(error)")
            throw ExitCode(1)
        }
    }
}
