/// A statement prepared by name on a PostgreSQL connection, with its parameters as they are
/// bound; `Statement` runs it.
final class PostgresStatement {
    private unowned let connection: PostgresConnection
    private let name: String
    /// The SQL as the store wrote it, for errors.
    let sql: String
    /// True when the statement ends in `RETURNING id`, kept as the connection's last inserted id.
    private let returnsID: Bool
    private var parameters: [SQLValue] = []

    init(connection: PostgresConnection, sql: String, returningID: Bool) throws {
        self.connection = connection
        self.sql = sql
        returnsID = returningID
        let text = PostgresDialect.statement(sql) + (returningID ? " RETURNING id" : "")
        name = try connection.prepare(text, reporting: sql)
    }

    func bind(_ value: SQLValue, at index: Int32) {
        let position = Int(index) - 1
        while parameters.count <= position { parameters.append(.null) }
        parameters[position] = value
    }

    func clearBindings() {
        parameters.removeAll(keepingCapacity: true)
    }

    /// Runs the statement with the parameters bound so far.
    func execute() throws -> PostgresResult {
        let result = try connection.run(name, parameters: parameters.map(Self.text), sql: sql)
        if returnsID, result.rowCount > 0 {
            connection.lastInsertedID = Int64(result.row(0).int(0))
        }
        return result
    }

    private static func text(_ value: SQLValue) -> String? {
        switch value {
        case .null: return nil
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text
        }
    }
}
