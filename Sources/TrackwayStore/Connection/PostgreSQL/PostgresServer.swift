/// A PostgreSQL server reached as an administrator, to create and drop whole databases: what a
/// setup script or a test harness does before the store opens one.
///
/// ```swift
/// let server = PostgresServer(url: try PostgresURL(parsing: "postgresql://postgres@127.0.0.1/postgres"))
/// try server.createDatabase(named: "trackway_blogs")
/// let store = try Store(location: .postgres(server.url.with(database: "trackway_blogs")))
/// ```
public struct PostgresServer: Sendable {
    /// The server, with the database the administrator connects to (usually `postgres`).
    public let url: PostgresURL

    public init(url: PostgresURL) {
        self.url = url
    }

    /// Creates an empty database `name` (lower-case letters, digits and `_`), UTF-8 and byte-ordered.
    public func createDatabase(named name: String) throws {
        try execute("CREATE DATABASE \(try Self.checked(name)) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'")
    }

    /// Drops database `name` when it exists, closing the connections still open to it.
    public func dropDatabase(named name: String) throws {
        try execute("DROP DATABASE IF EXISTS \(try Self.checked(name)) WITH (FORCE)")
    }

    private func execute(_ sql: String) throws {
        try PostgresConnection(url: url, readOnly: false).execute(sql)
    }

    /// `name` when it needs no quoting (so it cannot smuggle SQL in); otherwise an error.
    private static func checked(_ name: String) throws -> String {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
        guard allowed, let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), name.utf8.count <= 63 else {
            throw StoreError.invalid("database name '\(name)' must be lower-case letters, digits and _ (63 at most), not starting with a digit")
        }
        return name
    }
}
