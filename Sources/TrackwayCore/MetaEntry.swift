/// One key/value pair of post, comment or term meta, kept byte for byte (serialized PHP included).
public struct MetaEntry: Sendable, Equatable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
