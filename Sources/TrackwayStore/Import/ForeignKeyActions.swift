/// What the schema's foreign keys do to the rows that refer to deleted rows, as statements an
/// import runs itself. On SQLite the import's connection does not enforce foreign keys: looking
/// up the parent of every row it writes cost an eighth of a large import's time, and the import
/// writes each parent before its children anyway. Deleting a comment would then leave its meta
/// and the gateway's queue entries for it behind; these statements remove them (or clear the
/// reference, for `ON DELETE SET NULL`) before the comment goes.
///
/// Read from the schema, so a table that refers to comments later is covered without a change
/// here; an action other than CASCADE or SET NULL, or a cascade that would go on to a further
/// table, is refused when the statements are prepared rather than half done.
///
/// ```swift
/// let dependents = try ForeignKeyActions.onDelete(of: "comments", keys: "= ?", in: db)
/// for statement in dependents { try statement.run(commentID) }
/// try deleteComment.run(commentID)
/// ```
enum ForeignKeyActions {
    /// The statements that do to the rows referring to `parent`'s rows what their `ON DELETE`
    /// says, for the parent keys `keys` selects: an SQL condition the referring column is put in
    /// front of (`= ?`, `IN (SELECT id FROM …)`), whose parameters each statement takes. Empty on
    /// PostgreSQL, whose import connection enforces foreign keys.
    static func onDelete(of parent: String, keys: String, in db: Database) throws -> [Statement] {
        guard !db.isPostgres else { return [] }
        return try references(to: parent, in: db).map { reference in
            switch reference.action {
            case "CASCADE":
                guard try references(to: reference.table, in: db).isEmpty else {
                    throw StoreError.invalid("\(reference.table) is deleted with \(parent) and has rows referring to it: the import does not follow a cascade further")
                }
                return try db.statement("DELETE FROM \(reference.table) WHERE \(reference.column) \(keys)")
            case "SET NULL":
                return try db.statement("UPDATE \(reference.table) SET \(reference.column) = NULL WHERE \(reference.column) \(keys)")
            default:
                throw StoreError.invalid("\(reference.table).\(reference.column) refers to \(parent) with ON DELETE \(reference.action), which the import does not carry out")
            }
        }
    }

    /// Every column of the schema that refers to `parent`'s row id, with its `ON DELETE` action.
    private static func references(to parent: String, in db: Database) throws -> [(table: String, column: String, action: String)] {
        try db.statement("""
            SELECT m.name, f."from", f.on_delete, f."to" FROM sqlite_master AS m, pragma_foreign_key_list(m.name) AS f
            WHERE m.type = 'table' AND f."table" = ? ORDER BY m.name, f."from"
            """).rows(parent).map { row in
            guard row.isNull(3) || row.string(3) == "id" else {
                throw StoreError.invalid("\(row.string(0)).\(row.string(1)) refers to \(parent).\(row.string(3)), not its row id")
            }
            return (table: row.string(0), column: row.string(1), action: row.string(2))
        }
    }
}
