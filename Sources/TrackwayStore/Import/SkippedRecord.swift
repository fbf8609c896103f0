/// A record the import did not store, and why.
public struct SkippedRecord: Sendable, Equatable, Codable, CustomStringConvertible {
    public var kind: ImportKind
    /// The record's source id or name (`42`, `category/news`), empty when it has none.
    public var item: String
    public var reason: String

    public init(kind: ImportKind, item: String, reason: String) {
        self.kind = kind
        self.item = item
        self.reason = reason
    }

    public var description: String {
        item.isEmpty ? "\(kind.rawValue): \(reason)" : "\(kind.rawValue) \(item): \(reason)"
    }
}
