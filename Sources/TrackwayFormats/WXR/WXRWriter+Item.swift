import TrackwayCore

extension WXRWriter {
    /// Post meta WordPress must never receive: its cron sends pings and fetches enclosures for
    /// posts that carry them, so importing them would ping the whole old web again.
    static let pingTriggerMetaKeys: Set<String> = ["_pingme", "_encloseme", "_trackbackme"]

    /// One `<item>`, its comments from `comments` (not `post.comments`), with WordPress's fields in WordPress's order and formats (WXR 1.2 as written
    /// since WordPress 5.7), then the item's unknown elements verbatim.
    ///
    /// Departures from WordPress, each for a loss-free round trip:
    /// - `pubDate` is the item's original text when it has one, else `post_date_gmt` as RFC 822
    ///   (WordPress's `Wed, 30 Nov -0001 …` when that is unset);
    /// - `wp:post_modified(_gmt)` are left out when both are empty, as in files from before 5.7;
    /// - `isPermaLink` says `true` when the source said so;
    /// - unknown elements go last, after the comments, since their original place is not kept.
    func writeItem(_ post: Post, comments: WXRWriter.CommentSource) throws {
        try newline(indent: 1)
        try xml.startElement("item")
        try cdataField("title", post.title)
        try textField("link", post.link)
        try textField("pubDate", post.pubDate.isEmpty ? WXRDate.rssDate(wordPressGMT: post.postDateGMT) : post.pubDate)
        try cdataField("dc:creator", post.creator)
        try newline(indent: 2)
        try xml.startElement("guid")
        try xml.attribute("isPermaLink", post.guidIsPermaLink ? "true" : "false")
        try xml.text(post.guid)
        try xml.endElementWithEndTag()
        try textField("description", post.description)
        try cdataField("content:encoded", post.content)
        try cdataField("excerpt:encoded", post.excerpt)
        try textField("wp:post_id", String(wordPressPostID(of: post)))
        try cdataField("wp:post_date", post.postDate)
        try cdataField("wp:post_date_gmt", post.postDateGMT)
        if !post.modified.isEmpty || !post.modifiedGMT.isEmpty {
            try cdataField("wp:post_modified", post.modified)
            try cdataField("wp:post_modified_gmt", post.modifiedGMT)
        }
        try cdataField("wp:comment_status", post.commentStatus)
        try cdataField("wp:ping_status", post.pingStatus)
        try cdataField("wp:post_name", post.slug)
        try cdataField("wp:status", post.status)
        try textField("wp:post_parent", String(Int(post.parentSourceID) ?? 0))
        try textField("wp:menu_order", String(post.menuOrder))
        // An item read without a post type is written without one, for WordPress to skip again.
        if !post.postType.isEmpty { try cdataField("wp:post_type", post.postType) }
        try cdataField("wp:post_password", post.password)
        try textField("wp:is_sticky", post.isSticky ? "1" : "0")
        if post.postType == "attachment" || !post.attachmentURL.isEmpty {
            try cdataField("wp:attachment_url", post.attachmentURL)
        }
        for term in post.terms {
            try newline(indent: 2)
            try xml.startElement("category")
            try xml.attribute("domain", term.taxonomy)
            try xml.attribute("nicename", term.slug)
            try xml.cdata(term.name)
            try xml.endElementWithEndTag()
        }
        for entry in post.meta where !Self.pingTriggerMetaKeys.contains(entry.key) {
            try writeMeta("wp:postmeta", entry, indent: 2)
        }
        try writeComments(comments)
        for markup in post.unknownElements {
            try newline(indent: 2)
            try xml.raw(markup)
        }
        try newline(indent: 1)
        try xml.endElement()
    }

    /// `wp:post_id` must be a number (the importer keys posts, parents and menu items by it):
    /// the source id when it is one, else the next number of this export. Movable Type entries
    /// are always numbered in export order, as their ids are basenames, which may look numeric.
    func wordPressPostID(of post: Post) -> Int {
        if siteFormat != .movableType, let id = Int(post.sourceID) {
            return id
        }
        lastAssignedPostID += 1
        return lastAssignedPostID
    }

    /// `<name>` with its key and value in CDATA, kept byte for byte (serialized PHP included).
    func writeMeta(_ name: String, _ entry: MetaEntry, indent: Int) throws {
        try newline(indent: indent)
        try xml.startElement(name)
        try cdataField("wp:meta_key", entry.key, indent: indent + 1)
        try cdataField("wp:meta_value", entry.value, indent: indent + 1)
        try newline(indent: indent)
        try xml.endElement()
    }

    func cdataField(_ name: String, _ value: String, indent: Int = 2) throws {
        try newline(indent: indent)
        try xml.element(name, cdata: value)
    }

    func textField(_ name: String, _ value: String, indent: Int = 2) throws {
        try newline(indent: indent)
        try xml.element(name, text: value)
    }
}
