/// The names of a record's stored columns, in declaration order, for building its statements.
struct ColumnNames<Record>: RecordColumnVisitor {
    typealias Failure = Never
    /// Every stored column: keys, content and derived.
    var inserted: [String] = []
    /// The columns an update rewrites: content and derived.
    var updated: [String] = []
    /// The columns a read-back selects: keys and content.
    var read: [String] = []

    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) {
        inserted.append(name)
        read.append(name)
    }

    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) {
        inserted.append(name)
        updated.append(name)
        read.append(name)
    }

    mutating func derived<Value: SQLBindable>(_ name: String, _ value: KeyPath<Record, Value>, of record: Record) {
        inserted.append(name)
        updated.append(name)
    }
}

extension StoredRecord {
    static var columnNames: ColumnNames<Self> {
        var names = ColumnNames<Self>()
        visitColumns(&names, of: blank)
        return names
    }

    /// `INSERT INTO table(leading…, stored columns…, trailing…, fixed names) VALUES (?…, fixed values)`:
    /// `leading` and `trailing` are bound around the record's columns, `fixed` are SQL literals.
    static func insertSQL(leading: [String], trailing: [String], fixed: [(column: String, value: String)] = []) -> String {
        let names = leading + columnNames.inserted + trailing
        let columns = (names + fixed.map(\.column)).joined(separator: ", ")
        let values = (Array(repeating: "?", count: names.count) + fixed.map(\.value)).joined(separator: ", ")
        return "INSERT INTO \(table)(\(columns)) VALUES (\(values))"
    }

    /// `UPDATE table SET content columns = ?…, trailing = ?…, fixed WHERE id = ?`.
    static func updateSQL(trailing: [String], fixed: [(column: String, value: String)] = []) -> String {
        let assignments = (columnNames.updated + trailing).map { "\($0) = ?" } + fixed.map { "\($0.column) = \($0.value)" }
        return "UPDATE \(table) SET \(assignments.joined(separator: ", ")) WHERE id = ?"
    }

    /// `SELECT leading…, key and content columns…, trailing… FROM table`, for `ColumnReader`.
    static func selectSQL(leading: [String] = [], trailing: [String] = []) -> String {
        "SELECT \((leading + columnNames.read + trailing).joined(separator: ", ")) FROM \(table)"
    }

    /// How many columns `selectSQL` reads for the record itself.
    static var readColumnCount: Int { columnNames.read.count }
}
