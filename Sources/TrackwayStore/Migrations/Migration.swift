/// One step of the schema: a name that starts with its number (`"6-comment-language"`), and
/// what it does to the connection, inside the transaction that records it.
///
/// Most are SQL; a data change that SQL says badly is written in Swift:
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
    let apply: @Sendable (Database) throws -> Void

    /// A migration that runs `sql` (one or more statements).
    static func sql(_ name: String, _ sql: String) -> Migration {
        Migration(name: name) { try $0.execute(sql) }
    }

    /// The schema version a migration named `name` brings, from the number it starts with (0 without one).
    static func version(ofName name: String) -> Int {
        Int(name.prefix { $0.isASCII && $0.isNumber }) ?? 0
    }
}
