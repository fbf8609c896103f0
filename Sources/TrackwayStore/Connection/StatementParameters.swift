/// The parameters of a statement being bound, filled in order from the first.
///
/// Each value binds as its own type, so a row of many columns costs no array of boxed
/// arguments:
///
/// ```swift
/// try statement.run { parameters in
///     try parameters.append(siteID)
///     try parameters.append(columnsOf: post, includingKeys: true)
///     try parameters.append(seq, hash)
/// }
/// ```
struct StatementParameters {
    private let statement: Statement
    private var next: Int32 = 1

    /// Starts binding `statement` from its first parameter, ending its last run.
    init(resetting statement: Statement) {
        statement.resetRun()
        self.statement = statement
    }

    /// Binds `values` to the next parameters, in order.
    mutating func append<each Value: SQLBindable>(_ values: repeat each Value) throws {
        // Each value's SQLValue goes to a non-generic bind: the expansion is not specialized per
        // type, and a generic helper would copy every argument through its value witnesses.
        repeat try append(sqlValue: (each values).sqlValue)
    }

    private mutating func append(sqlValue: SQLValue) throws {
        try statement.bind(sqlValue, at: next)
        next += 1
    }
}
