import TrackwayXML

/// Approved comments and pings as Atom 1.0, in the shape of WordPress's
/// `feed-atom-comments.php`: the site's (`/comments/feed/atom/`) or one post's
/// (`<permalink>feed/atom/`), each entry titled as in the RSS 2.0 comment feed, with its link,
/// author, id, dates, HTML content and the thread extension's `in-reply-to` naming the post.
///
/// ```swift
/// let bytes = try WordPressAtomCommentsFeed.document(channel: channel, comments: comments, onePost: true)
/// ```
enum WordPressAtomCommentsFeed {
    static func document(channel: FeedChannel, comments: [FeedComment], onePost: Bool) throws -> [UInt8] {
        try XMLStreamWriter.document { writer in
            try writer.startElement("feed")
            try writer.namespaces(["": FeedNamespace.atom, "thr": FeedNamespace.thread])
            if !channel.language.isEmpty {
                try writer.attribute("xml:lang", channel.language)
            }
            try writer.element("title", ["type": "text"], text: channel.title)
            try writer.element("subtitle", ["type": "text"], text: channel.description)
            try writer.element("updated", text: (channel.updated ?? FeedDate.epoch).rfc3339)
            try writer.emptyElement("link", ["rel": "alternate", "type": "text/html", "href": channel.homeURL])
            try writer.emptyElement("link", ["rel": "self", "type": FeedFormat.atom.mediaType, "href": channel.selfURL])
            try writer.element("id", text: channel.selfURL)
            for comment in comments {
                try writer.startElement("entry")
                try writer.element("title", text: onePost ? "By: \(comment.author)" : "Comment on \(comment.postTitle) by \(comment.author)")
                try writer.emptyElement("link", ["rel": "alternate", "href": comment.link, "type": "text/html"])
                try writer.startElement("author")
                try writer.element("name", text: comment.author)
                try writer.endElement()
                try writer.element("id", text: comment.guid)
                let date = (comment.date ?? FeedDate.epoch).rfc3339
                try writer.element("updated", text: date)
                try writer.element("published", text: date)
                try writer.element("content", ["type": "html", "xml:base": comment.link], cdata: comment.text)
                try writer.emptyElement("thr:in-reply-to", ["ref": comment.postGUID, "href": comment.postLink, "type": "text/html"])
                try writer.endElement()
            }
            try writer.endElement()
        }
    }
}
