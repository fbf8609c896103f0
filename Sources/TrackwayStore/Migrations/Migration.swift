/// One step of the schema: a name that starts with its number (`"6-comment-language"`), and
/// what it does to the connection, inside the transaction that records it.
///
/// Most are SQL, written for SQLite and run on PostgreSQL as `PostgresDialect.schema` translates
/// it (or as the migration's own PostgreSQL text, where SQLite's DDL has no translation); a data
/// change that SQL says badly is written in Swift, with statements both engines run:
///
/// ```swift
/// Migration(name: "7-lowercase-hosts") { db in
///     for row in try db.statement("SELECT rowid, url_key FROM post_urls").rows() {
///         try db.statement("UPDATE post_urls SET url_key = ? WHERE rowid = ?").run(row.string(1).lowercased(), row.int(0))
///     }
/// }
/// ```
struct Migration: Sendable {
    let name: String
    /// True when it replaces a table other tables refer to: it runs with foreign keys off (a
    /// dropped table would otherwise take its children with it), and the references are checked
    /// before its transaction commits.
    let rebuildsTables: Bool
    let apply: @Sendable (Database) throws -> Void

    init(name: String, rebuildsTables: Bool = false, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.rebuildsTables = rebuildsTables
        self.apply = apply
    }

    /// A migration that runs `sql` (one or more statements) on SQLite, and `postgres` on
    /// PostgreSQL (by default `sql` translated by `PostgresDialect.schema`).
    static func sql(_ name: String, _ sql: String, rebuildsTables: Bool = false, postgres: String? = nil) -> Migration {
        let postgresSQL = postgres ?? PostgresDialect.schema(sql)
        return Migration(name: name, rebuildsTables: rebuildsTables) { db in
            try db.execute(db.isPostgres ? postgresSQL : sql)
        }
    }

    /// The schema version a migration named `name` brings, from the number it starts with (0 without one).
    static func version(ofName name: String) -> Int {
        Int(name.prefix { $0.isASCII && $0.isNumber }) ?? 0
    }
}
