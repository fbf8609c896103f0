/// A Trackway database: the imported sites with their posts, comments and received pings.
///
/// ```swift
/// let store = try Store(path: "trackway.sqlite")
/// let session = ImportSession(store: store)
/// try reader.read { try session.write($0) }
/// print(try session.finish())
/// print(try store.stats().posts)
/// ```
///
/// Like its connection, a store is used from one task or thread at a time. The server uses
/// `StorePingRepository` instead, which reads and writes from many tasks at once.
public final class Store {
    /// The connection every query of this store runs on.
    let database: Database

    /// Where the store lives (printable: a URL without its password).
    public var location: StoreLocation { database.location }

    /// Opens (creating if needed) the SQLite database at `path` and brings its schema up to date.
    public init(path: String) throws {
        database = try Database(path: path)
    }

    /// Opens the database at `location` (a SQLite file, created if needed, or a PostgreSQL
    /// database, which must exist) and brings its schema up to date.
    public init(location: StoreLocation) throws {
        database = try Database(location: location)
    }

    /// A store on a connection already open.
    init(database: Database) {
        self.database = database
    }
}
