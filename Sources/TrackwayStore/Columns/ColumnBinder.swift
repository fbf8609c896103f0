/// Binds a record's stored columns, in declaration order, for its INSERT or UPDATE.
struct ColumnBinder<Record>: RecordColumnVisitor {
    typealias Failure = any Error
    let record: Record
    /// False for an UPDATE, which leaves the keys as they are.
    let includesKeys: Bool
    var parameters: StatementParameters

    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>) throws {
        if includesKeys { try parameters.append(record[keyPath: field]) }
    }

    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>) throws {
        try parameters.append(record[keyPath: field])
    }

    mutating func derived<Value: SQLBindable>(_ name: String, _ value: KeyPath<Record, Value>) throws {
        try parameters.append(record[keyPath: value])
    }
}

extension StatementParameters {
    /// Binds `record`'s stored columns next, in the order of its `insertSQL` (`includingKeys`)
    /// or its `updateSQL`.
    mutating func append<Record: StoredRecord>(columnsOf record: Record, includingKeys: Bool) throws {
        var binder = ColumnBinder(record: record, includesKeys: includingKeys, parameters: self)
        try Record.visitColumns(&binder)
        self = binder.parameters
    }
}
