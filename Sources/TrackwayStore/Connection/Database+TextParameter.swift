extension Database {
    /// A text parameter that stands in a column beside the schema's text columns, as in a
    /// recursive query's first row: on PostgreSQL those columns are `COLLATE "C"` (bytes, as
    /// SQLite compares them) and a bare parameter has the database's default collation, which
    /// a recursive query refuses to mix with them. A plain `?` on SQLite.
    var textParameter: String { isPostgres ? "CAST(? AS TEXT) COLLATE \"C\"" : "?" }
}
