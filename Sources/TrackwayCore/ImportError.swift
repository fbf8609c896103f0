/// Input that stopped a read: where it is, and what was expected there.
///
/// ```swift
/// catch let error as ImportError {
///     print(error)   // "export.xml:120:7: expected '>' (Couldn't find end of Start Tag item)"
/// }
/// ```
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int = 0, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if line > 0 { location += ":\(line)" }
        if column > 0 { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
