import Foundation
import TrackwayXML

/// What a TrackBack endpoint answered: `<response><error>0</error></response>`, or a non-zero
/// error with a `<message>`.
///
/// ```swift
/// let reply = TrackbackReply(parsing: body)
/// reply?.isSuccess   // false
/// reply?.message     // "Sorry, trackbacks are closed for this item."
/// ```
struct TrackbackReply: Sendable, Equatable {
    /// The `<error>` text, trimmed (`0` is success).
    var error: String
    var message: String

    var isSuccess: Bool { error == "0" }

    /// Nil when the body holds no `<error>` element at all.
    init?(parsing body: [UInt8]) {
        if let read = Self.read(body) {
            self = read
        } else if let scanned = Self.scan(String(decoding: body, as: UTF8.self)) {
            self = scanned
        } else {
            return nil
        }
    }

    init(error: String, message: String) {
        self.error = error
        self.message = message
    }

    /// Reads the answer with the XML reader; nil when it is not well-formed.
    private static func read(_ body: [UInt8]) -> TrackbackReply? {
        guard let reader = try? XMLPullReader(bytes: body, strict: true) else { return nil }
        var fields: [String: String] = [:]
        var current: String?
        while true {
            guard let moved = try? reader.read() else { return nil }
            guard moved else { break }
            switch reader.kind {
            case .element where reader.depth == 1:
                current = reader.localName
                fields[reader.localName] = fields[reader.localName] ?? ""
            case .text:
                if let name = current { fields[name, default: ""] += reader.value }
            case .endElement:
                current = nil
            default:
                continue
            }
        }
        guard let error = fields["error"] else { return nil }
        return TrackbackReply(error: error.trimmingCharacters(in: .whitespacesAndNewlines), message: fields["message"] ?? "")
    }

    /// WordPress writes the message unescaped, so an `&` in it leaves the XML unreadable: take the
    /// two elements' text as written.
    private static func scan(_ text: String) -> TrackbackReply? {
        func element(_ name: String) -> String? {
            guard let start = text.range(of: "<\(name)>"),
                  let end = text.range(of: "</\(name)>", range: start.upperBound..<text.endIndex) else { return nil }
            return String(text[start.upperBound..<end.lowerBound])
        }
        guard let error = element("error") else { return nil }
        return TrackbackReply(error: error.trimmingCharacters(in: .whitespacesAndNewlines), message: element("message") ?? "")
    }
}
