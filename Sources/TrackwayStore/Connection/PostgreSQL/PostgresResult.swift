import CLibPQ

/// The rows of one statement run on PostgreSQL, converted to the store's values by column
/// type: integers and booleans as integers, floating and numeric types as numbers, the rest as
/// text (results come in text format).
final class PostgresResult {
    private let handle: OpaquePointer
    let rowCount: Int
    private let kinds: [Kind]

    private enum Kind { case integer, boolean, real, numeric, text }

    init(_ handle: OpaquePointer) {
        self.handle = handle
        rowCount = Int(PQntuples(handle))
        kinds = (0..<PQnfields(handle)).map { column in
            switch PQftype(handle, column) {
            case 20, 21, 23, 26: return .integer   // int8, int2, int4, oid
            case 16: return .boolean
            case 700, 701: return .real            // float4, float8
            case 1700: return .numeric             // SUM of integers
            default: return .text
            }
        }
    }

    deinit {
        PQclear(handle)
    }

    /// Row `index` (from 0).
    func row(_ index: Int) -> Row {
        let row = Int32(index)
        var values: [SQLValue] = []
        values.reserveCapacity(kinds.count)
        for (column, kind) in kinds.enumerated() {
            let column = Int32(column)
            if PQgetisnull(handle, row, column) != 0 {
                values.append(.null)
                continue
            }
            let text = PQgetvalue(handle, row, column).map { value in
                value.withMemoryRebound(to: UInt8.self, capacity: Int(PQgetlength(handle, row, column))) { bytes in
                    String(decoding: UnsafeBufferPointer(start: bytes, count: Int(PQgetlength(handle, row, column))), as: UTF8.self)
                }
            } ?? ""
            switch kind {
            case .integer: values.append(Int64(text).map(SQLValue.integer) ?? .text(text))
            case .boolean: values.append(.integer(text == "t" ? 1 : 0))
            case .real: values.append(Double(text).map(SQLValue.real) ?? .text(text))
            case .numeric: values.append(Int64(text).map(SQLValue.integer) ?? Double(text).map(SQLValue.real) ?? .text(text))
            case .text: values.append(.text(text))
            }
        }
        return Row(values: values)
    }
}
