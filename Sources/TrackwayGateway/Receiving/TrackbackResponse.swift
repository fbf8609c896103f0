import TrackwayXML

/// The TrackBack 1.2 answer: `<error>0</error>`, or `<error>1</error>` with a message, laid out
/// line by line as WordPress and Movable Type write it; optionally with the RSS listing inside.
enum TrackbackResponse {
    static let contentType = "text/xml; charset=utf-8"

    /// The success answer; it never changes, so it is written once.
    static func success() throws -> [UInt8] {
        try successDocument.get()
    }

    private static let successDocument = Result {
        try document { writer in
            try writer.element("error", text: "0")
        }
    }

    /// An error answer; `message` is escaped by libxml2.
    static func error(_ message: String) throws -> [UInt8] {
        try document { writer in
            try writer.element("error", text: "1")
            try writer.raw("\n")
            try writer.element("message", text: message)
        }
    }

    /// `__mode=rss`: the post's (approved) pings as RSS 0.91 inside a success response.
    static func rss(title: String, link: String, items: [(title: String, link: String, excerpt: String)]) throws -> [UInt8] {
        try document { writer in
            try writer.element("error", text: "0")
            try writer.raw("\n")
            try writer.startElement("rss")
            try writer.attribute("version", "0.91")
            try writer.startElement("channel")
            try writer.element("title", text: title)
            try writer.element("link", text: link)
            try writer.element("description", text: "TrackBacks for \(title)")
            try writer.element("language", text: "en-us")
            for item in items {
                try writer.startElement("item")
                try writer.element("title", text: item.title)
                try writer.element("link", text: item.link)
                if !item.excerpt.isEmpty { try writer.element("description", text: item.excerpt) }
                try writer.endElement()
            }
            try writer.endElement()
            try writer.endElement()
        }
    }

    private static func document(_ body: (XMLStreamWriter) throws -> Void) throws -> [UInt8] {
        let output = Output()
        let writer = try XMLStreamWriter { output.bytes.append(contentsOf: $0) }
        try writer.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        try writer.startElement("response")
        try writer.raw("\n")
        try body(writer)
        try writer.raw("\n")
        try writer.endElement()
        try writer.flush()
        return output.bytes
    }

    private final class Output {
        var bytes: [UInt8] = []
    }
}
