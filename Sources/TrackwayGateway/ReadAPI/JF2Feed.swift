/// The `.jf2` answer: webmention.io's JF2 feed of mentions (`helpers/formats.rb`,
/// `links_to_jf2`), each entry with its author card, source, target, protocol and property.
///
/// ```json
/// {"type": "feed", "name": "Webmentions", "children": [{"type": "entry", "wm-property": "mention-of", ...}]}
/// ```
struct JF2Feed: Encodable {
    let children: [ShownMention]

    func encode(to encoder: any Encoder) throws {
        var feed = encoder.container(keyedBy: JSONKey.self)
        try feed.encode("feed", forKey: "type")
        try feed.encode("Webmentions", forKey: "name")
        try feed.encode(children.map(Entry.init), forKey: "children")
    }

    private struct Entry: Encodable {
        let mention: ShownMention

        func encode(to encoder: any Encoder) throws {
            var entry = encoder.container(keyedBy: JSONKey.self)
            try entry.encode("entry", forKey: "type")
            var author = entry.nestedContainer(keyedBy: JSONKey.self, forKey: "author")
            try author.encode("card", forKey: "type")
            try author.encode(mention.authorName, forKey: "name")
            try author.encodeNil(forKey: "photo")
            try author.encode(mention.authorURL, forKey: "url")
            try entry.encode(mention.url, forKey: "url")
            try entry.encode(mention.published, forKey: "published")
            try entry.encode(mention.received, forKey: "wm-received")
            try entry.encode(mention.id, forKey: "wm-id")
            try entry.encode(mention.url, forKey: "wm-source")
            try entry.encode(mention.target, forKey: "wm-target")
            try entry.encode(mention.protocolName, forKey: "wm-protocol")
            try entry.encodeIfPresent(mention.name, forKey: "name")
            if let summary = mention.summary {
                var value = entry.nestedContainer(keyedBy: JSONKey.self, forKey: "summary")
                try value.encode("text/plain", forKey: "content-type")
                try value.encode(summary, forKey: "value")
            }
            if let text = mention.contentText, let html = mention.contentHTML {
                var content = entry.nestedContainer(keyedBy: JSONKey.self, forKey: "content")
                try content.encode(html, forKey: "html")
                try content.encode(text, forKey: "text")
            }
            try entry.encode(mention.target, forKey: JSONKey(mention.property))
            try entry.encode(mention.property, forKey: "wm-property")
            try entry.encode(false, forKey: "wm-private")
        }
    }
}
