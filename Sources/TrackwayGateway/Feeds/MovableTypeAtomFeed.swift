import TrackwayXML

/// A site's entries as Atom 1.0, in the shape of Movable Type's default `atom.xml` template
/// (`atom_index.tmpl`): the feed's title, alternate and self links, id, `updated`, subtitle and
/// generator; each entry with its title, alternate link, id, `published` and `updated`, summary,
/// author, categories and tags under Six Apart's schemes, and its HTML content.
///
/// ```swift
/// let bytes = try MovableTypeAtomFeed.document(channel: channel, entries: entries)
/// ```
enum MovableTypeAtomFeed {
    static func document(channel: FeedChannel, entries: [FeedEntry]) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("feed")
            try writer.namespaces(["": FeedNamespace.atom])
            try writer.element("title", text: channel.title)
            try writer.emptyElement("link", ["rel": "alternate", "type": "text/html", "href": channel.homeURL])
            try writer.emptyElement("link", ["rel": "self", "type": FeedFormat.atom.mediaType, "href": channel.selfURL])
            try writer.element("id", text: channel.selfURL)
            try writer.element("updated", text: (channel.updated ?? FeedDate.epoch).rfc3339)
            if !channel.description.isEmpty {
                try writer.element("subtitle", text: channel.description)
            }
            try writer.element("generator", text: FeedChannel.generator)
            for entry in entries {
                try writer.startElement("entry")
                try writer.element("title", text: entry.title)
                try writer.emptyElement("link", ["rel": "alternate", "type": "text/html", "href": entry.link])
                try writer.element("id", text: entry.guid)
                let published = entry.published ?? FeedDate.epoch
                try writer.element("published", text: published.rfc3339)
                try writer.element("updated", text: max(entry.updated ?? published, published).rfc3339)
                try writer.element("summary", ["type": "html"], text: entry.summary)
                try writer.startElement("author")
                try writer.element("name", text: entry.author)
                try writer.endElement()
                for category in entry.categories {
                    try writer.emptyElement("category", ["term": category.name, "scheme": MovableTypeFeeds.scheme(category.kind)])
                }
                try writer.startElement("content")
                try writer.attribute("type", "html")
                if !channel.language.isEmpty {
                    try writer.attribute("xml:lang", channel.language)
                }
                try writer.attribute("xml:base", channel.homeURL)
                try writer.text(entry.content.isEmpty ? entry.summary : entry.content)
                try writer.endElementWithEndTag()
                try writer.endElement()
            }
            try writer.endElement()
        }
    }
}
