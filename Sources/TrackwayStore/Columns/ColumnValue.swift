import TrackwayCore

/// A type a record's column holds: bound as itself, hashed as itself, read back from a row.
protocol ColumnValue: SQLBindable, ContentHashable {
    /// The value in column `index` of `row`; nil when the stored text is not one.
    init?(row: Row, column index: Int)
    /// What the value is, for the error that names a stored value this version cannot read.
    static var valueName: String { get }
}

extension ColumnValue {
    static var valueName: String { "value" }
}

extension String: ColumnValue {
    init?(row: Row, column index: Int) { self = row.string(index) }
}

extension Int: ColumnValue {
    init?(row: Row, column index: Int) { self = row.int(index) }
}

extension Bool: ColumnValue {
    init?(row: Row, column index: Int) { self = row.int(index) != 0 }
}

extension Optional: ColumnValue where Wrapped == Int {
    init?(row: Row, column index: Int) { self = row.isNull(index) ? Optional<Int>.none : Optional<Int>.some(row.int(index)) }
}

extension SourceFormat: ColumnValue {
    static var valueName: String { "source format" }
    var sqlValue: SQLValue { .text(rawValue) }
    init?(row: Row, column index: Int) { self.init(rawValue: row.string(index)) }
}
