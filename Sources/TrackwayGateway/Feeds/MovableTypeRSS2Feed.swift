import TrackwayXML

/// A site's entries as RSS 2.0, in the shape of Movable Type's default `index.xml` template
/// (`rss_20_index.tmpl`): the channel with language, copyright, `lastBuildDate`, generator and
/// the RSS docs; each item with its title, the entry's HTML as `description`, its permalink as
/// `link` and `guid`, categories and tags told apart by `domain`, and `pubDate`.
///
/// ```swift
/// let bytes = try MovableTypeRSS2Feed.document(channel: channel, entries: entries)
/// ```
enum MovableTypeRSS2Feed {
    static func document(channel: FeedChannel, entries: [FeedEntry]) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("rss")
            try writer.attribute("version", "2.0")
            try writer.startElement("channel")
            try writer.element("title", text: channel.title)
            try writer.element("link", text: channel.homeURL)
            try writer.element("description", text: channel.description)
            if !channel.language.isEmpty {
                try writer.element("language", text: channel.language)
            }
            if let updated = channel.updated {
                try writer.element("copyright", text: "Copyright \(updated.year)")
                try writer.element("lastBuildDate", text: updated.rfc822)
            }
            try writer.element("generator", text: FeedChannel.generator)
            try writer.element("docs", text: "https://www.rssboard.org/rss-specification")
            for entry in entries {
                try writer.startElement("item")
                try writer.element("title", text: entry.title)
                try writer.element("description", text: entry.content.isEmpty ? entry.summary : entry.content)
                try writer.element("link", text: entry.link)
                try writer.element("guid", text: entry.guid)
                for category in entry.categories {
                    try writer.element("category", ["domain": MovableTypeFeeds.scheme(category.kind)], text: category.name)
                }
                if let published = entry.published {
                    try writer.element("pubDate", text: published.rfc822)
                }
                try writer.endElement()
            }
            try writer.endElement()
            try writer.endElement()
        }
    }
}
