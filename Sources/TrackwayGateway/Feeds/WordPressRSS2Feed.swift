import TrackwayXML

/// A site's posts as RSS 2.0, in the shape of WordPress's `feed-rss2.php`: the channel with its
/// `atom:link`, `lastBuildDate`, language and update period; each item with its title, link,
/// comments link, `pubDate`, `dc:creator`, categories and tags, a guid that is not a permalink,
/// the excerpt as `description`, the content as `content:encoded`, and `wfw:commentRss` and
/// `slash:comments` when the post has or takes comments.
///
/// ```swift
/// let bytes = try WordPressRSS2Feed.document(channel: channel, entries: entries)
/// ```
enum WordPressRSS2Feed {
    static func document(channel: FeedChannel, entries: [FeedEntry]) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("rss")
            try writer.attribute("version", "2.0")
            try writer.namespaces([
                "content": FeedNamespace.content, "wfw": FeedNamespace.wellFormedWeb, "dc": FeedNamespace.dublinCore,
                "atom": FeedNamespace.atom, "sy": FeedNamespace.syndication, "slash": FeedNamespace.slash,
            ])
            try writer.startElement("channel")
            try head(channel, writer: writer)
            for entry in entries {
                try item(entry, writer: writer)
            }
            try writer.endElement()
            try writer.endElement()
        }
    }

    /// The channel's elements before its items, shared with the comment feeds.
    static func head(_ channel: FeedChannel, writer: XMLStreamWriter) throws {
        try writer.element("title", text: channel.title)
        try writer.emptyElement("atom:link", ["href": channel.selfURL, "rel": "self", "type": FeedFormat.rss2.mediaType])
        try writer.element("link", text: channel.homeURL)
        try writer.element("description", text: channel.description)
        if let updated = channel.updated {
            try writer.element("lastBuildDate", text: updated.rfc822)
        }
        if !channel.language.isEmpty {
            try writer.element("language", text: channel.language)
        }
        try writer.element("sy:updatePeriod", text: "hourly")
        try writer.element("sy:updateFrequency", text: "1")
        try writer.element("generator", text: FeedChannel.generator)
    }

    private static func item(_ entry: FeedEntry, writer: XMLStreamWriter) throws {
        try writer.startElement("item")
        try writer.element("title", text: entry.title)
        try writer.element("link", text: entry.link)
        if let discussion = entry.discussion {
            try writer.element("comments", text: discussion.pageURL)
        }
        if let published = entry.published {
            try writer.element("pubDate", text: published.rfc822)
        }
        try writer.element("dc:creator", cdata: entry.author)
        for category in entry.categories {
            try writer.element("category", cdata: category.name)
        }
        try writer.element("guid", ["isPermaLink": "false"], text: entry.guid)
        try writer.element("description", cdata: entry.summary)
        try writer.element("content:encoded", cdata: entry.content.isEmpty ? entry.summary : entry.content)
        if let discussion = entry.discussion {
            try writer.element("wfw:commentRss", text: discussion.feedURL)
            try writer.element("slash:comments", text: String(discussion.count))
        }
        try writer.endElement()
    }
}
