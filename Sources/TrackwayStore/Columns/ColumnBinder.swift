/// Binds a record's stored columns, in declaration order, for its INSERT or UPDATE.
struct ColumnBinder<Record>: RecordColumnVisitor {
    typealias Failure = any Error
    /// False for an UPDATE, which leaves the keys as they are.
    let includesKeys: Bool
    var parameters: StatementParameters

    @inline(__always)
    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) throws {
        if includesKeys { try parameters.append(record[keyPath: field]) }
    }

    @inline(__always)
    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) throws {
        try parameters.append(record[keyPath: field])
    }

    @inline(__always)
    mutating func derived<Value: SQLBindable>(_ name: String, _ value: KeyPath<Record, Value>, of record: Record) throws {
        try parameters.append(record[keyPath: value])
    }
}

extension StatementParameters {
    /// Binds `record`'s stored columns next, in the order of its `insertSQL` (`includingKeys`)
    /// or its `updateSQL`.
    mutating func append<Record: StoredRecord>(columnsOf record: Record, includingKeys: Bool) throws {
        var binder = ColumnBinder<Record>(includesKeys: includingKeys, parameters: self)
        try Record.visitColumns(&binder, of: record)
        self = binder.parameters
    }
}
