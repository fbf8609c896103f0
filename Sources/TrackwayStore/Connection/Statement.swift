import CSQLite3

/// A value that can be bound to a statement parameter.
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}

/// Types that bind as a statement argument.
protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLBindable { var sqlValue: SQLValue { .real(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension SQLValue: SQLBindable { var sqlValue: SQLValue { self } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { map(\.sqlValue) ?? .null }
}

/// A prepared statement on either engine; obtain one from `Database.statement(_:)`.
///
/// On SQLite it is a `sqlite3_stmt` stepped in place (the gateway's and the importer's fast
/// path, unchanged); on PostgreSQL a named prepared statement whose rows are read whole.
final class Statement {
    private enum Backend {
        case sqlite(OpaquePointer)
        case postgres(PostgresStatement)
    }

    private let backend: Backend
    private unowned let database: Database
    let sql: String

    /// SQLITE_TRANSIENT. Computed: a stored static is initialized lazily, which cost a
    /// `swift_once` call for every text bound.
    private static var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    init(handle: OpaquePointer, database: Database, sql: String) {
        backend = .sqlite(handle)
        self.database = database
        self.sql = sql
    }

    init(postgres: PostgresStatement, database: Database) {
        backend = .postgres(postgres)
        self.database = database
        sql = postgres.sql
    }

    deinit {
        if case .sqlite(let handle) = backend { sqlite3_finalize(handle) }
    }

    func reset() {
        switch backend {
        case .sqlite(let handle):
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        case .postgres(let statement):
            statement.clearBindings()
        }
    }

    /// Binds `arguments` to the parameters in order (a list built at run time; prefer the
    /// variadic `run`, `rows` and `firstRow`, which bind without boxing each argument).
    @discardableResult
    func bind(_ arguments: [any SQLBindable]) throws -> Statement {
        var parameters = StatementParameters(resetting: self)
        for argument in arguments { try parameters.append(argument.sqlValue) }
        return self
    }

    /// Binds `arguments` and runs the statement to completion.
    func run<each Argument: SQLBindable>(_ arguments: repeat each Argument) throws {
        var parameters = StatementParameters(resetting: self)
        try parameters.append(repeat each arguments)
        try runToCompletion()
    }

    /// Binds parameters in order through `body`, then runs the statement to completion: for
    /// rows whose columns a record supplies (`StatementParameters.append(columnsOf:includingKeys:)`).
    func run(binding body: (inout StatementParameters) throws -> Void) throws {
        var parameters = StatementParameters(resetting: self)
        try body(&parameters)
        try runToCompletion()
    }

    /// Binds `arguments` and returns every row.
    func rows<each Argument: SQLBindable>(_ arguments: repeat each Argument) throws -> [Row] {
        var parameters = StatementParameters(resetting: self)
        try parameters.append(repeat each arguments)
        return try allRows()
    }

    private func allRows() throws -> [Row] {
        switch backend {
        case .sqlite(let handle):
            // Reset at once: a statement left stepped would hold its read snapshot (and pin the WAL).
            defer { sqlite3_reset(handle) }
            var result: [Row] = []
            while try step(handle) { result.append(currentRow(handle)) }
            return result
        case .postgres(let statement):
            let result = try statement.execute()
            return (0..<result.rowCount).map(result.row)
        }
    }

    /// Binds `arguments` and returns the first row, if any.
    func firstRow<each Argument: SQLBindable>(_ arguments: repeat each Argument) throws -> Row? {
        var parameters = StatementParameters(resetting: self)
        try parameters.append(repeat each arguments)
        switch backend {
        case .sqlite(let handle):
            defer { sqlite3_reset(handle) }
            return try step(handle) ? currentRow(handle) : nil
        case .postgres(let statement):
            let result = try statement.execute()
            return result.rowCount > 0 ? result.row(0) : nil
        }
    }

    /// Binds `arguments` and calls `body` for each row without collecting them (for exports).
    func forEachRow(_ arguments: [any SQLBindable], _ body: (Row) throws -> Void) throws {
        try bind(arguments)
        switch backend {
        case .sqlite(let handle):
            defer { sqlite3_reset(handle) }
            while try step(handle) { try body(currentRow(handle)) }
        case .postgres(let statement):
            let result = try statement.execute()
            for index in 0..<result.rowCount { try body(result.row(index)) }
        }
    }

    /// Binds `value` to parameter `index` (from 1): the one place values reach the database.
    @inline(__always)
    func bind(_ value: SQLValue, at index: Int32) throws {
        switch backend {
        case .sqlite(let handle): try bind(value, at: index, on: handle)
        case .postgres(let statement): statement.bind(value, at: index)
        }
    }

    @inline(__always)
    private func bind(_ value: SQLValue, at index: Int32, on handle: OpaquePointer) throws {
        let status: Int32
        switch value {
        case .null: status = sqlite3_bind_null(handle, index)
        case .integer(let value): status = sqlite3_bind_int64(handle, index, value)
        case .real(let value): status = sqlite3_bind_double(handle, index, value)
        case .text(let value):
            // An empty buffer may have a nil base address, which SQLite would store as NULL.
            var text = value
            status = text.withUTF8 { bytes in
                bytes.count == 0
                    ? sqlite3_bind_text(handle, index, "", 0, Statement.transient)
                    : sqlite3_bind_text(handle, index, bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32(bytes.count), Statement.transient)
            }
        }
        guard status == SQLITE_OK else { throw error(status) }
    }

    /// Clears the last run, keeping the bindings: the next ones overwrite them in order.
    func resetRun() {
        if case .sqlite(let handle) = backend { sqlite3_reset(handle) }
    }

    private func runToCompletion() throws {
        switch backend {
        case .sqlite(let handle):
            defer { sqlite3_reset(handle) }
            while try step(handle) {}
        case .postgres(let statement):
            _ = try statement.execute()
        }
    }

    /// Advances; true while a row is available.
    private func step(_ handle: OpaquePointer) throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw error(status)
        }
    }

    private func currentRow(_ handle: OpaquePointer) -> Row {
        let count = sqlite3_column_count(handle)
        var values: [SQLValue] = []
        values.reserveCapacity(Int(count))
        for column in 0..<count {
            switch sqlite3_column_type(handle, column) {
            case SQLITE_INTEGER: values.append(.integer(sqlite3_column_int64(handle, column)))
            case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, column)))
            case SQLITE_NULL: values.append(.null)
            default:
                if let text = sqlite3_column_text(handle, column) {
                    let length = Int(sqlite3_column_bytes(handle, column))
                    values.append(.text(String(decoding: UnsafeBufferPointer(start: text, count: length), as: UTF8.self)))
                } else {
                    values.append(.text(""))
                }
            }
        }
        return Row(values: values)
    }

    private func error(_ status: Int32) -> StoreError {
        .sql(sql: sql, code: status, message: database.lastErrorMessage)
    }
}

/// One result row; columns by position, in the order of the SELECT.
struct Row: Sendable, Equatable {
    var values: [SQLValue]

    /// Column `index` as text (`""` for NULL).
    func string(_ index: Int) -> String {
        switch values[index] {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .null: return ""
        }
    }

    /// Column `index` as an integer (0 for NULL or text).
    func int(_ index: Int) -> Int {
        switch values[index] {
        case .integer(let value): return Int(value)
        case .real(let value): return Int(value)
        case .text(let value): return Int(value) ?? 0
        case .null: return 0
        }
    }

    /// True when column `index` is NULL.
    func isNull(_ index: Int) -> Bool { values[index] == .null }
}
