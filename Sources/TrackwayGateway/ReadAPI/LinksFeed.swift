/// The `.json` answer: webmention.io's original `links` shape (`helpers/formats.rb`,
/// `links_to_json`).
///
/// ```json
/// {"links": [{"source": "...", "verified": true, "id": 7, "data": {"url": "...", "content": "..."}, "activity": {"type": "link"}, "target": "..."}]}
/// ```
struct LinksFeed: Encodable {
    let links: [ShownMention]

    func encode(to encoder: any Encoder) throws {
        var feed = encoder.container(keyedBy: JSONKey.self)
        try feed.encode(links.map(Link.init), forKey: "links")
    }

    private struct Link: Encodable {
        let mention: ShownMention

        func encode(to encoder: any Encoder) throws {
            var link = encoder.container(keyedBy: JSONKey.self)
            try link.encode(mention.url, forKey: "source")
            try link.encode(true, forKey: "verified")
            try link.encode(mention.receivedSeconds.map { ISO8601Time.iso8601($0, offset: 0, zulu: false) }, forKey: "verified_date")
            try link.encode(mention.id, forKey: "id")
            try link.encode(false, forKey: "private")
            var data = link.nestedContainer(keyedBy: JSONKey.self, forKey: "data")
            // webmention.io gives an author only when it knows something of one.
            if mention.authorName != nil || mention.authorURL != nil {
                var author = data.nestedContainer(keyedBy: JSONKey.self, forKey: "author")
                try author.encodeIfPresent(mention.authorName, forKey: "name")
                try author.encode(mention.authorURL, forKey: "url")
                try author.encodeNil(forKey: "photo")
            }
            try data.encode(mention.url, forKey: "url")
            try data.encode(mention.name, forKey: "name")
            try data.encode(mention.contentHTML, forKey: "content")
            try data.encode(mention.published, forKey: "published")
            try data.encode(mention.publishedSeconds, forKey: "published_ts")
            var activity = link.nestedContainer(keyedBy: JSONKey.self, forKey: "activity")
            try activity.encode(mention.isComment ? "reply" : "link", forKey: "type")
            try link.encode(mention.target, forKey: "target")
        }
    }
}
