/// Reads a record's key and content columns back from a row of its `selectSQL`.
struct ColumnReader<Record>: RecordColumnVisitor {
    /// A stored value the column's type cannot hold (a format this version does not know).
    struct UnreadableValue: Error {
        let valueName: String
        let text: String
    }

    typealias Failure = UnreadableValue
    var record: Record
    let row: Row
    /// The next column of `row` to read.
    var index: Int

    @inline(__always)
    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) throws(UnreadableValue) {
        try read(field)
    }

    @inline(__always)
    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) throws(UnreadableValue) {
        try read(field)
    }

    @inline(__always)
    private mutating func read<Value: ColumnValue>(_ field: WritableKeyPath<Record, Value>) throws(UnreadableValue) {
        guard let value = Value(row: row, column: index) else {
            throw UnreadableValue(valueName: Value.valueName, text: row.string(index))
        }
        record[keyPath: field] = value
        index += 1
    }
}

extension StoredRecord {
    /// The record whose columns are read from `row`, starting at column `index`; `owner`
    /// names the record (`site 3`) in the error for a value this version cannot read.
    static func read(_ row: Row, from index: Int, owner: @autoclosure () -> String) throws -> Self {
        var reader = ColumnReader(record: blank, row: row, index: index)
        do {
            try visitColumns(&reader, of: blank)
        } catch {
            throw StoreError.invalid("\(owner()) has unknown \(error.valueName) '\(error.text)'")
        }
        return reader.record
    }
}
