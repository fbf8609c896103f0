import TrackwayCore
import TrackwayStore
import TrackwayXML

/// The owner's Atom feed of the pings this server received, newest first, whatever their status:
/// a feed reader then tells the owner of new pings, and of those waiting for moderation, the way
/// `--notify-url` tells a webhook. Served at `path` only when `serve --owner-feed-token` is set,
/// and only to a request carrying that token: it lists pending and spam pings, which are not
/// for the public.
///
/// ```swift
/// let body = try OwnerFeed.document(pings: pings, feedURL: base + OwnerFeed.path, fallbackUpdated: Date().ISO8601Format())
/// ```
enum OwnerFeed {
    static let path = "/trackway/pings.atom"
    static let contentType = "application/atom+xml; charset=UTF-8"
    /// Entries in one feed document; older pings are in `trackway pings list`.
    static let entryLimit = 50

    /// The Atom document for `pings` (newest first); `fallbackUpdated` (RFC 3339) dates an
    /// empty feed.
    static func document(pings: [Ping], feedURL: String, fallbackUpdated: String) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let writer = try XMLStreamWriter { bytes.append(contentsOf: $0) }
        try writer.startDocument()
        try writer.startElement("feed")
        try writer.attribute("xmlns", "http://www.w3.org/2005/Atom")
        try writer.element("title", text: "Pings received")
        try writer.element("id", text: feedURL)
        try writer.startElement("link")
        try writer.attribute("rel", "self")
        try writer.attribute("href", feedURL)
        try writer.endElement()
        try writer.element("updated", text: pings.first.map { rfc3339($0.createdAt) } ?? fallbackUpdated)
        try writer.element("generator", text: "Trackway")
        for ping in pings {
            try entry(ping.plainText, writer: writer)
        }
        try writer.endElement()
        try writer.endDocument()
        return bytes
    }

    /// One entry; `ping`'s titles and blog name are plain text (`Ping.plainText`).
    private static func entry(_ ping: Ping, writer: XMLStreamWriter) throws {
        try writer.startElement("entry")
        try writer.element("title", text: "\(label(ping.kind)) on \u{201C}\(ping.postTitle)\u{201D} from \(sourceName(ping)) (\(ping.status.rawValue))")
        try writer.element("id", text: "urn:trackway:ping:\(ping.id)")
        try writer.element("updated", text: rfc3339(ping.createdAt))
        try writer.startElement("link")
        try writer.attribute("rel", "alternate")
        try writer.attribute("href", ping.sourceURL)
        try writer.endElement()
        try writer.startElement("author")
        try writer.element("name", text: ping.blogName.isEmpty ? sourceName(ping) : ping.blogName)
        try writer.endElement()
        for term in [ping.kind.rawValue, ping.status.rawValue] {
            try writer.startElement("category")
            try writer.attribute("term", term)
            try writer.endElement()
        }
        // The stored excerpt is HTML (WordPress's `<strong>title</strong>` form for trackbacks).
        try writer.startElement("content")
        try writer.attribute("type", "html")
        try writer.text(ping.content)
        try writer.endElement()
        try writer.endElement()
    }

    private static func label(_ kind: CommentKind) -> String {
        switch kind {
        case .trackback: return "TrackBack"
        case .pingback: return "Pingback"
        case .webmention: return "Webmention"
        case .comment, .other: return kind.rawValue
        }
    }

    private static func sourceName(_ ping: Ping) -> String {
        ping.sourceTitle.isEmpty ? ping.sourceURL : ping.sourceTitle
    }

    /// `2026-11-26 19:02:03` (SQLite's UTC text) as `2026-11-26T19:02:03Z`.
    static func rfc3339(_ storedUTC: String) -> String {
        String(storedUTC.map { $0 == " " ? "T" : $0 }) + "Z"
    }
}
