/// A record kept as one row of its table, whose columns and hashed children are declared once,
/// in `visitColumns`, in the order of its content hash.
///
/// That one list drives the INSERT and UPDATE of an import (`StatementParameters.append(columnsOf:)`),
/// the read-back of an export (`ColumnReader`) and the content hash (`ContentHasher.hash(_:)`):
///
/// ```swift
/// extension Author: StoredRecord {
///     @inline(__always)
///     static func visitColumns<Visitor: RecordColumnVisitor<Author>>(_ visitor: inout Visitor, of record: Author) throws(Visitor.Failure) {
///         try visitor.key("login", \.login, of: record)
///         try visitor.column("email", \.email, of: record)
///     }
/// }
/// ```
///
/// The hash order is part of the database format (a stored hash must match a fresh one for an
/// unchanged record), so a declaration is only ever appended to with a new `hashTag` version.
///
/// Declarations and the visitors' methods are `@inline(__always)`: inlined into one another,
/// each key path becomes a plain field access; called, each read went through the key path
/// runtime, which copied the whole record.
protocol StoredRecord {
    /// The table that holds the record's rows.
    static var table: String { get }
    /// The tag a content hash begins with: the record kind and its layout version.
    static var hashTag: String { get }
    /// A record with nothing set, that a read-back fills in and statements are named from.
    static var blank: Self { get }
    /// Hands `visitor` every column and hashed child of `record`, in hash order.
    static func visitColumns<Visitor: RecordColumnVisitor<Self>>(_ visitor: inout Visitor, of record: Self) throws(Visitor.Failure)
}

/// Walks a record's declared columns: to name them in SQL, bind them, read them back or hash them.
protocol RecordColumnVisitor<Record> {
    associatedtype Record
    associatedtype Failure: Error

    /// A column that identifies the record within its parent (a login, a source id): stored,
    /// hashed and read back, never updated.
    mutating func key<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) throws(Failure)
    /// A column of the record's content: stored, updated, hashed and read back.
    mutating func column<Value: ColumnValue>(_ name: String, _ field: WritableKeyPath<Record, Value>, of record: Record) throws(Failure)
    /// A column worked out from other fields (a comment's kind): stored and updated for queries,
    /// neither hashed nor read back.
    mutating func derived<Value: SQLBindable>(_ name: String, _ value: KeyPath<Record, Value>, of record: Record) throws(Failure)
    /// Children kept in tables of their own, hashed here in their place.
    mutating func children<Value: ContentHashable>(_ field: KeyPath<Record, Value>, of record: Record) throws(Failure)
    /// Where a post's comments, by their hashes, enter its content hash.
    mutating func commentHashes() throws(Failure)
}

extension RecordColumnVisitor {
    mutating func derived<Value: SQLBindable>(_ name: String, _ value: KeyPath<Record, Value>, of record: Record) {}
    mutating func children<Value: ContentHashable>(_ field: KeyPath<Record, Value>, of record: Record) {}
    mutating func commentHashes() {}
}
