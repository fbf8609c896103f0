/// A document that is not well-formed, with the position libxml2 reported.
public struct XMLParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// libxml2's message, trimmed (`"Opening and ending tag mismatch: item line 3 and channel"`).
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
