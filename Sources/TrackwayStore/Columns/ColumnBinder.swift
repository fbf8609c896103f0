/// Binds a record's stored columns, in declaration order, for its INSERT or UPDATE.
struct ColumnBinder<Record>: RecordColumnVisitor {
    typealias Failure = any Error
    /// The record, borrowed for the walk: a copy would retain and release each of its fields.
    let record: UnsafePointer<Record>
    /// False for an UPDATE, which leaves the keys as they are.
    let includesKeys: Bool
    var parameters: StatementParameters

    @inline(__always)
    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>) throws {
        if includesKeys { try parameters.append(record.pointee[keyPath: field]) }
    }

    @inline(__always)
    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>) throws {
        try parameters.append(record.pointee[keyPath: field])
    }

    @inline(__always)
    mutating func derived<Value: SQLBindable>(_ name: String, _ value: KeyPath<Record, Value>) throws {
        try parameters.append(record.pointee[keyPath: value])
    }
}

extension StatementParameters {
    /// Binds `record`'s stored columns next, in the order of its `insertSQL` (`includingKeys`)
    /// or its `updateSQL`.
    mutating func append<Record: StoredRecord>(columnsOf record: Record, includingKeys: Bool) throws {
        try withUnsafePointer(to: record) { record in
            var binder = ColumnBinder(record: record, includesKeys: includingKeys, parameters: self)
            try Record.visitColumns(&binder)
            self = binder.parameters
        }
    }
}
