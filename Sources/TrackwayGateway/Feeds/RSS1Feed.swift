import TrackwayXML

/// A site's posts as RSS 1.0 (RDF), in the shape of Movable Type's `index.rdf` and WordPress's
/// `feed-rdf.php`: the channel with its `rdf:Seq` of items, `dc:language`, `dc:date` and update
/// period; each item with its title, link, `dc:date`, `dc:creator`, a `dc:subject` per category
/// and tag, the excerpt as `description` and the content as `content:encoded`.
///
/// ```swift
/// let bytes = try RSS1Feed.document(channel: channel, entries: entries)
/// ```
enum RSS1Feed {
    static func document(channel: FeedChannel, entries: [FeedEntry]) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("rdf:RDF")
            try writer.namespaces([
                "": FeedNamespace.rss1, "rdf": FeedNamespace.rdf, "dc": FeedNamespace.dublinCore,
                "sy": FeedNamespace.syndication, "content": FeedNamespace.content,
            ])
            try writer.startElement("channel")
            try writer.attribute("rdf:about", channel.homeURL)
            try writer.element("title", text: channel.title)
            try writer.element("link", text: channel.homeURL)
            try writer.element("description", text: channel.description)
            if !channel.language.isEmpty {
                try writer.element("dc:language", text: channel.language)
            }
            if let updated = channel.updated {
                try writer.element("dc:date", text: updated.rfc3339)
            }
            try writer.element("sy:updatePeriod", text: "hourly")
            try writer.element("sy:updateFrequency", text: "1")
            try writer.startElement("items")
            try writer.startElement("rdf:Seq")
            for entry in entries {
                try writer.emptyElement("rdf:li", ["rdf:resource": entry.link])
            }
            try writer.endElementWithEndTag()
            try writer.endElement()
            try writer.endElement()
            for entry in entries {
                try writer.startElement("item")
                try writer.attribute("rdf:about", entry.link)
                try writer.element("title", text: entry.title)
                try writer.element("link", text: entry.link)
                if let published = entry.published {
                    try writer.element("dc:date", text: published.rfc3339)
                }
                try writer.element("dc:creator", text: entry.author)
                for category in entry.categories {
                    try writer.element("dc:subject", text: category.name)
                }
                try writer.element("description", text: entry.summary)
                try writer.element("content:encoded", cdata: entry.content.isEmpty ? entry.summary : entry.content)
                try writer.endElement()
            }
            try writer.endElement()
        }
    }
}
