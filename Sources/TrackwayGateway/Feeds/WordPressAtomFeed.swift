import TrackwayXML

/// A site's posts as Atom 1.0, in the shape of WordPress's `feed-atom.php`: the feed's title,
/// subtitle, `updated`, alternate and self links; each entry with its author, HTML title,
/// alternate link, guid as id, `updated` and `published`, categories, HTML summary and content,
/// and the Atom threading extension's reply links and total.
///
/// ```swift
/// let bytes = try WordPressAtomFeed.document(channel: channel, entries: entries)
/// ```
enum WordPressAtomFeed {
    static func document(channel: FeedChannel, entries: [FeedEntry]) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("feed")
            try writer.namespaces(["": FeedNamespace.atom, "thr": FeedNamespace.thread])
            if !channel.language.isEmpty {
                try writer.attribute("xml:lang", channel.language)
            }
            try writer.element("title", ["type": "text"], text: channel.title)
            try writer.element("subtitle", ["type": "text"], text: channel.description)
            // Atom requires `updated`; an empty feed is as new as the feed's address.
            try writer.element("updated", text: (channel.updated ?? FeedDate.epoch).rfc3339)
            try writer.emptyElement("link", ["rel": "alternate", "type": "text/html", "href": channel.homeURL])
            try writer.element("id", text: channel.selfURL)
            try writer.emptyElement("link", ["rel": "self", "type": FeedFormat.atom.mediaType, "href": channel.selfURL])
            try writer.element("generator", text: FeedChannel.generator)
            for entry in entries {
                try self.entry(entry, homeURL: channel.homeURL, writer: writer)
            }
            try writer.endElement()
        }
    }

    private static func entry(_ entry: FeedEntry, homeURL: String, writer: XMLStreamWriter) throws {
        try writer.startElement("entry")
        try writer.startElement("author")
        try writer.element("name", text: entry.author)
        try writer.endElement()
        // WordPress writes the title as HTML in CDATA; a plain title is HTML once escaped.
        try writer.element("title", ["type": "html"], cdata: HTMLText.escaped(entry.title))
        try writer.emptyElement("link", ["rel": "alternate", "type": "text/html", "href": entry.link])
        try writer.element("id", text: entry.guid)
        let published = entry.published ?? FeedDate.epoch
        try writer.element("updated", text: max(entry.updated ?? published, published).rfc3339)
        try writer.element("published", text: published.rfc3339)
        for category in entry.categories {
            try writer.emptyElement("category", ["scheme": homeURL, "term": category.name])
        }
        try writer.element("summary", ["type": "html"], cdata: entry.summary)
        try writer.element("content", ["type": "html", "xml:base": entry.link], cdata: entry.content.isEmpty ? entry.summary : entry.content)
        if let discussion = entry.discussion {
            let count = String(discussion.count)
            try writer.emptyElement("link", ["rel": "replies", "type": "text/html", "href": discussion.pageURL, "thr:count": count])
            try writer.emptyElement("link", ["rel": "replies", "type": FeedFormat.atom.mediaType, "href": discussion.atomFeedURL, "thr:count": count])
            try writer.element("thr:total", text: count)
        }
        try writer.endElement()
    }
}
