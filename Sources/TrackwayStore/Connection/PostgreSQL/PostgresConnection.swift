import CLibPQ

/// One libpq connection: statements prepared by name once, run with text parameters, results
/// read whole (so a caller may run other statements while it walks the rows).
///
/// `Database` wraps it; nothing else uses it. Confined to one thread at a time, as libpq's
/// connections are.
final class PostgresConnection {
    private let handle: OpaquePointer
    let url: PostgresURL
    /// Rows the last statement that wrote inserted, updated or deleted.
    private(set) var changes = 0
    /// The id the last insert of a `returningID` statement returned.
    var lastInsertedID: Int64 = 0
    private var preparedCount = 0

    /// Connects to `url`; `readOnly` makes every transaction of the session read-only.
    init(url: PostgresURL, readOnly: Bool) throws {
        var parameters = url.connectionParameters
        if readOnly { parameters.append(("options", "-c default_transaction_read_only=on")) }
        let connection = Self.connect(parameters)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { Self.trimmed(PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(connection)
            throw StoreError.cannotOpen(path: url.description, message: message)
        }
        handle = connection
        self.url = url
        // The server's notices ("relation already exists, skipping") are not the user's business.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
    }

    deinit {
        PQfinish(handle)
    }

    private static func connect(_ parameters: [(key: String, value: String)]) -> OpaquePointer? {
        withCStrings(parameters.map(\.key) + [nil]) { keywords in
            withCStrings(parameters.map(\.value) + [nil]) { values in
                PQconnectdbParams(keywords.baseAddress, values.baseAddress, 0)
            }
        }
    }

    /// Runs `sql` (one or more statements, no parameters) with the simple protocol.
    func execute(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result, sql: sql)
    }

    /// Prepares `sql` (already in PostgreSQL's `$n` form) under a new name, which it returns.
    func prepare(_ sql: String, reporting original: String) throws -> String {
        preparedCount += 1
        let name = "s\(preparedCount)"
        let result = PQprepare(handle, name, sql, 0, nil)
        defer { PQclear(result) }
        try check(result, sql: original)
        return name
    }

    /// Runs the prepared statement `name` with `parameters` (NULL for nil), and returns its rows.
    func run(_ name: String, parameters: [String?], sql: String) throws -> PostgresResult {
        let result = Self.withCStrings(parameters) { pointers in
            PQexecPrepared(handle, name, Int32(pointers.count), pointers.baseAddress, nil, nil, 0)
        }
        do {
            try check(result, sql: sql)
        } catch {
            PQclear(result)
            throw error
        }
        guard let result else { throw StoreError.postgres(sql: sql, state: "", message: "no result") }
        // As SQLite's count, a query's rows are no changes.
        if !String(cString: PQcmdStatus(result)).hasPrefix("SELECT") {
            changes = Int(String(cString: PQcmdTuples(result))) ?? 0
        }
        return PostgresResult(result)
    }

    /// True while a transaction is open (or failed and not yet rolled back).
    var isInTransaction: Bool {
        // A lost connection answers "unknown": it has no transaction, and the next BEGIN must
        // fail as a BEGIN, not as a savepoint inside a transaction that is gone.
        switch PQtransactionStatus(handle) {
        case PQTRANS_INTRANS, PQTRANS_INERROR, PQTRANS_ACTIVE: true
        default: false
        }
    }

    /// True once the server is gone from this connection (it restarted, or ended the session):
    /// every statement fails from then on.
    var isLost: Bool {
        PQstatus(handle) == CONNECTION_BAD
    }

    private func check(_ result: OpaquePointer?, sql: String) throws {
        guard let result else {
            throw StoreError.postgres(sql: sql, state: "", message: Self.trimmed(PQerrorMessage(handle)))
        }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY: return
        default:
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
            throw StoreError.postgres(sql: sql, state: state, message: Self.trimmed(PQresultErrorMessage(result)))
        }
    }

    /// Calls `body` with a C string for each value (nil stays nil), all in one buffer.
    private static func withCStrings<T>(_ values: [String?], _ body: (UnsafeBufferPointer<UnsafePointer<CChar>?>) -> T) -> T {
        var buffer: [CChar] = []
        var offsets: [Int?] = []
        offsets.reserveCapacity(values.count)
        for value in values {
            guard let value else {
                offsets.append(nil)
                continue
            }
            offsets.append(buffer.count)
            buffer.append(contentsOf: value.utf8.map { CChar(bitPattern: $0) })
            buffer.append(0)
        }
        return buffer.withUnsafeBufferPointer { bytes in
            let pointers = offsets.map { offset in offset.map { bytes.baseAddress! + $0 } }
            return pointers.withUnsafeBufferPointer(body)
        }
    }

    private static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "unknown error" }
        var text = String(cString: message)
        while text.last?.isWhitespace == true { text.removeLast() }
        // libpq's multi-line messages (ERROR:, DETAIL:, HINT:) read well on one line.
        return text.split(separator: "\n").map { $0.trimmingPrefix(while: { $0 == " " }) }.joined(separator: " ")
    }
}

private extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        drop(while: predicate)
    }
}
