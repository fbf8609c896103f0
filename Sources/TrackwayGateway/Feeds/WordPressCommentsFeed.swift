import TrackwayXML

/// Approved comments and pings as RSS 2.0, in the shape of WordPress's `feed-rss2-comments.php`:
/// the site's (`/comments/feed/`, items titled "Comment on POST by NAME") or one post's
/// (`<permalink>feed/`, items titled "By: NAME"); each item with its link to the comment on the
/// post's page, `dc:creator`, `pubDate`, a guid that is not a permalink, and the text as
/// `description` and `content:encoded`.
///
/// ```swift
/// let bytes = try WordPressCommentsFeed.document(channel: channel, comments: comments, onePost: false)
/// ```
enum WordPressCommentsFeed {
    static func document(channel: FeedChannel, comments: [FeedComment], onePost: Bool) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("rss")
            try writer.attribute("version", "2.0")
            try writer.namespaces([
                "content": FeedNamespace.content, "dc": FeedNamespace.dublinCore,
                "atom": FeedNamespace.atom, "sy": FeedNamespace.syndication,
            ])
            try writer.startElement("channel")
            try WordPressRSS2Feed.head(channel, writer: writer)
            for comment in comments {
                try writer.startElement("item")
                try writer.element("title", text: onePost ? "By: \(comment.author)" : "Comment on \(comment.postTitle) by \(comment.author)")
                try writer.element("link", text: comment.link)
                try writer.element("dc:creator", cdata: comment.author)
                if let date = comment.date {
                    try writer.element("pubDate", text: date.rfc822)
                }
                try writer.element("guid", ["isPermaLink": "false"], text: comment.guid)
                try writer.element("description", cdata: comment.text)
                try writer.element("content:encoded", cdata: comment.text)
                try writer.endElement()
            }
            try writer.endElement()
            try writer.endElement()
        }
    }
}
