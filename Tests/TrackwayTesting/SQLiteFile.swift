import Foundation

/// A database file as an outsider reads it: through SQLite's own `sqlite3` program, not through
/// TrackwayStore, so a check cannot share a bug with the code it checks, and it reads what another
/// process (`trackway import`, `trackway serve`) left on disk.
///
/// ```swift
/// let database = SQLiteFile(directory.file("blog.sqlite"))
/// #expect(try database.query("SELECT count(*) FROM posts") == "3")
/// ```
public struct SQLiteFile: Sendable {
    /// The database file.
    public let url: URL

    /// The database at `url`.
    public init(_ url: URL) {
        self.url = url
    }

    /// The database at `path`.
    public init(path: String) {
        url = URL(fileURLWithPath: path)
    }

    /// What `sqlite3` prints for `sql` (one or more statements): a line per row, columns joined
    /// by `separator`, without the final newline. Throws with its message when `sqlite3` fails.
    /// It waits up to 10 s for a lock another process holds, as Trackway's own connections do.
    @discardableResult
    public func query(_ sql: String, separator: String = "|") throws -> String {
        let result = try ChildProcess.tool("sqlite3", ["-cmd", ".timeout 10000", "-separator", separator, url.path, sql])
        guard result.status == 0 else {
            throw SQLiteFileError(message: "sqlite3 \(url.lastPathComponent) failed (\(result.status)): \(result.stderr)")
        }
        var output = result.stdout
        while output.hasSuffix("\n") { output.removeLast() }
        return output
    }

    /// Every row of every table except the migration log, in table and insertion order: the
    /// whole content of a database, for comparing two databases.
    public func content() throws -> String {
        let tables = try query("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('schema_migrations') \
            AND name NOT LIKE 'sqlite_%' ORDER BY name
            """)
        var content = ""
        for table in tables.split(separator: "\n") {
            content += "== \(table)\n" + (try query("SELECT * FROM \"\(table)\" ORDER BY rowid")) + "\n"
        }
        return content
    }
}

/// `sqlite3` could not run a query.
public struct SQLiteFileError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
