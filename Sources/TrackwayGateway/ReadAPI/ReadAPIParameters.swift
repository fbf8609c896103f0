import TrackwayCore
import TrackwayStore

/// The query parameters of the read API, as webmention.io names them, checked: a value that is
/// present but not of its form is an error (`ReadAPIError`), never a guess. An empty value counts
/// as absent (`since=` from a widget with nothing fetched yet).
///
/// ```swift
/// let parameters = try ReadAPIParameters(query: "target=https://blog.example/hello/&per-page=50&sort-dir=up")
/// parameters.perPage   // 50
/// ```
struct ReadAPIParameters: Equatable {
    /// The most targets one request may name (as webmention.io).
    static let maxTargets = 50
    /// The largest page.
    static let maxPerPage = 100

    /// `target` and `target[]`, in order, as written.
    var targets: [String] = []
    /// The kinds `wm-property` selects; all four when it is absent.
    var kinds: Set<CommentKind> = [.comment, .trackback, .pingback, .webmention]
    var perPage = 20
    var page = 0
    var order: MentionOrder = .created
    var descending = true
    /// `since` as the store's UTC text.
    var receivedAfter: String?
    var afterID: Int?
    /// `jsonp`: a JavaScript function name (dotted path) to wrap the answer in.
    var callback: String?

    /// The row offset of the page; a page past any possible row when it overflows.
    var offset: Int {
        let (product, overflow) = page.multipliedReportingOverflow(by: perPage)
        return overflow ? Int.max : product
    }

    init() {}

    init(query: String?) throws(ReadAPIError) {
        var properties: [String] = []
        for field in URLForm(query: query).fields {
            let value = String(decoding: field.value, as: UTF8.self)
            guard !value.isEmpty else { continue }
            switch field.name {
            case "target", "target[]":
                targets.append(value)
            case "wm-property", "wm-property[]":
                properties.append(value)
            case "per-page", "perPage":
                perPage = min(try Self.wholeNumber(value, name: field.name), Self.maxPerPage)
            case "page":
                page = try Self.wholeNumber(value, name: field.name)
            case "sort-by":
                guard let order = Self.orders[value] else {
                    throw .parameter(field.name, value, expected: "created, updated or published")
                }
                self.order = order
            case "sort-dir":
                guard value == "down" || value == "up" else { throw .parameter(field.name, value, expected: "down or up") }
                descending = value == "down"
            case "since":
                guard let seconds = ISO8601Time.seconds(iso8601: value) else {
                    throw .parameter(field.name, value, expected: "an ISO 8601 time such as 2024-05-01T12:00:00Z")
                }
                receivedAfter = ISO8601Time.storedText(seconds)
            case "since_id":
                afterID = try Self.wholeNumber(value, name: field.name)
            case "jsonp":
                guard Self.isCallbackName(value) else {
                    throw .parameter(field.name, value, expected: "a JavaScript function name (letters, digits, _ and $, dotted)")
                }
                callback = value
            default:
                continue
            }
        }
        guard targets.count <= Self.maxTargets else { throw ReadAPIError("at most \(Self.maxTargets) targets may be named at once") }
        if !properties.isEmpty {
            kinds = []
            for property in properties {
                guard let selected = Self.properties[property] else {
                    throw .parameter("wm-property", property, expected: "one of \(Self.properties.keys.sorted().joined(separator: ", "))")
                }
                kinds.formUnion(selected)
            }
        }
    }

    /// `sort-by` values; `rsvp` orders RSVPs first on webmention.io, and there are none here.
    private static let orders: [String: MentionOrder] = [
        "created": .created, "updated": .updated, "published": .published, "rsvp": .created,
    ]

    /// What each `wm-property` selects: comments are replies, pings are mentions, and nothing
    /// here is a like, repost, bookmark or RSVP.
    static let properties: [String: Set<CommentKind>] = [
        "in-reply-to": [.comment], "mention-of": [.trackback, .pingback, .webmention],
        "like-of": [], "repost-of": [], "bookmark-of": [], "rsvp": [],
    ]

    /// `value` as a whole number from 0 (ASCII digits; past `Int.max` read as `Int.max`).
    private static func wholeNumber(_ value: String, name: String) throws(ReadAPIError) -> Int {
        guard value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw .parameter(name, value, expected: "a whole number from 0")
        }
        return Int(value) ?? Int.max
    }

    /// A JavaScript identifier or dotted path of them (`cb`, `jQuery123_456`, `app.render`), at
    /// most 128 bytes: nothing that could end the call and start another statement.
    static func isCallbackName(_ name: String) -> Bool {
        guard name.utf8.count <= 128 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.utf8.first, !isDigit(first) else { return false }
            return part.utf8.allSatisfy { isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "$") }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
