/// A JSON object key spelled as webmention.io spells it (`"wm-id"`, `"in-reply-to"`), for the
/// API's hand-written `encode(to:)` methods, which also write `null` where webmention.io does.
struct JSONKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init(stringLiteral name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
