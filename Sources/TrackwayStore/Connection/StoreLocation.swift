/// Where a store lives: a SQLite file, or a database on a PostgreSQL server.
///
/// Every command takes one `--db` value (or `TRACKWAY_DATABASE_URL`) and reads it here:
///
/// ```swift
/// let location = try StoreLocation(parsing: "postgresql://trackway@db.internal:5432/blogs")
/// let store = try Store(location: location)
/// print(location)   // "postgresql://trackway@db.internal:5432/blogs" (never the password)
/// ```
public enum StoreLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresURL)

    /// The environment variable that names the database when `--db` does not, so that a
    /// password stays out of the process list.
    public static let environmentVariable = "TRACKWAY_DATABASE_URL"

    /// A `postgresql://` or `postgres://` URL names a PostgreSQL database (throwing
    /// `StoreError` when it is malformed); anything else is the path of a SQLite file.
    public init(parsing text: String) throws {
        if PostgresURL.hasPostgresScheme(text) {
            self = .postgres(try PostgresURL(parsing: text))
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location a command uses: its `--db` value when given, else `TRACKWAY_DATABASE_URL`
    /// when set and not empty, else `defaultPath`.
    public static func resolve(option: String?, environment: [String: String], defaultPath: String) throws -> StoreLocation {
        if let option { return try StoreLocation(parsing: option) }
        if let text = environment[environmentVariable], !text.isEmpty {
            do {
                return try StoreLocation(parsing: text)
            } catch let error as StoreError {
                throw StoreError.invalid("\(environmentVariable): \(error)")
            }
        }
        return .sqlite(path: defaultPath)
    }

    /// True for a PostgreSQL database.
    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    /// The file's path, or the URL without its password: safe to print and log.
    public var description: String {
        switch self {
        case .sqlite(let path): return path
        case .postgres(let url): return url.description
        }
    }
}
