/// A problem libxml2 reported without the document ceasing to be well-formed (a namespace name
/// that is not a valid URI, an unsupported XML version), with the position it gave.
public struct XMLParseWarning: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    /// libxml2's message, trimmed (`"xmlns:u: 'http://ëxämplë.com/' is not a valid URI"`).
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}
