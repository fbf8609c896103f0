/// The parameters of a statement being bound, filled in order from the first.
///
/// Each value binds as its own type, so a row of many columns costs no array of boxed
/// arguments:
///
/// ```swift
/// try statement.run { parameters in
///     try parameters.append(siteID, post.sourceID)
///     try post.appendColumns(to: &parameters, seq: seq, hash: hash)
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
        repeat try appendOne(each values)
    }

    private mutating func appendOne(_ value: some SQLBindable) throws {
        try statement.bind(value.sqlValue, at: next)
        next += 1
    }
}
