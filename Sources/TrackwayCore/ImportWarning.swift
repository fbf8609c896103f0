/// A problem in the input that did not stop the import, with where it was found.
public struct ImportWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    /// The item it concerns (`post 42`), empty for file-level warnings.
    public var item: String
    public var message: String

    public init(file: String, line: Int, item: String = "", message: String) {
        self.file = file
        self.line = line
        self.item = item
        self.message = message
    }

    public var description: String {
        let location = line > 0 ? "\(file):\(line)" : file
        return item.isEmpty ? "\(location): \(message)" : "\(location): \(item): \(message)"
    }
}
