import Foundation
import Testing
import TrackwayStore
import TrackwayTesting
@testable import TrackwayGateway

/// Each feed writer's document, read back by feedparser (a real feed reader's library).
@Suite struct FeedWriterTests {
    private static let published = FeedDate(ArchiveDate(utc: "2008-01-12 10:15:07", local: ""))
    private static let updated = FeedDate(ArchiveDate(utc: "2009-02-03 04:05:06", local: ""))
    private static let channel = FeedChannel(
        title: "Caf\u{E9} & <Blog>", homeURL: "http://gw.example/", selfURL: "http://gw.example/feed/",
        description: "Tagline \u{1F389}", language: "en-US", updated: updated
    )
    /// Text a writer must carry whole: markup characters, a CDATA end, a control character,
    /// and non-BMP characters.
    private static let entry = FeedEntry(
        title: "A < B & \"C\" \u{1F680}", link: "http://gw.example/2008/01/a-b/", guid: "http://old.example/?p=4",
        author: "Zo\u{EB} ]]> \u{C5}ngstr\u{F6}m", published: published, updated: updated,
        categories: [FeedCategory(name: "Caf\u{E9} & Culture", kind: .category), FeedCategory(name: "\u{1F389} party", kind: .tag)],
        summary: "Summary with ]]> inside [&#8230;]", content: "<p>Body ]]> &amp; more\u{7}</p>",
        discussion: FeedDiscussion(pageURL: "http://gw.example/2008/01/a-b/#comments", feedURL: "http://gw.example/2008/01/a-b/feed/",
                                   atomFeedURL: "http://gw.example/2008/01/a-b/feed/atom/", count: 9)
    )

    /// feedparser's reading of `document`: bozo, feed title/link, and each entry's fields.
    private static func parse(_ document: [UInt8]) throws -> [String: Any] {
        let script = """
        import json, sys, feedparser
        d = feedparser.parse(sys.stdin.buffer.read())
        print(json.dumps({"bozo": d.bozo, "error": str(d.get("bozo_exception", "")), "version": d.version,
            "title": d.feed.get("title"), "link": d.feed.get("link"),
            "entries": [{"title": e.get("title"), "link": e.get("link"), "id": e.get("id"), "author": e.get("author"),
                "published": list((e.get("published_parsed") or e.get("updated_parsed") or [])[:6]) or None,
                "tags": [t.term for t in e.get("tags", [])], "summary": e.get("summary"),
                "content": [c.value for c in e.get("content", [])], "comments": e.get("comments"),
                "slash": e.get("slash_comments"), "thr": e.get("thr_total")} for e in d.entries]}))
        """
        let result = try TestPython.run(["-c", script], input: Data(document))
        try #require(result.status == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
    }

    private static func firstEntry(_ parsed: [String: Any]) throws -> [String: Any] {
        try #require((parsed["entries"] as? [[String: Any]])?.first)
    }

    @Test("WordPress RSS 2.0 reads back whole: title, link, author, date, categories, guid, excerpt, content, comment count")
    func wordPressRSS2() throws {
        let parsed = try Self.parse(try WordPressRSS2Feed.document(channel: Self.channel, entries: [Self.entry]))
        #expect(parsed["bozo"] as? Int == 0, "\(parsed["error"] ?? "")")
        #expect(parsed["version"] as? String == "rss20")
        #expect(parsed["title"] as? String == Self.channel.title)
        let entry = try Self.firstEntry(parsed)
        #expect(entry["title"] as? String == Self.entry.title)
        #expect(entry["link"] as? String == Self.entry.link)
        #expect(entry["id"] as? String == Self.entry.guid)
        #expect(entry["author"] as? String == Self.entry.author)
        #expect(entry["published"] as? [Int] == [2008, 1, 12, 10, 15, 7])
        #expect(entry["tags"] as? [String] == ["Caf\u{E9} & Culture", "\u{1F389} party"])
        #expect(entry["summary"] as? String == "Summary with ]]> inside [&#8230;]")
        // The control character is gone: XML 1.0 cannot carry it.
        #expect(entry["content"] as? [String] == ["<p>Body ]]> &amp; more</p>"])
        #expect(entry["comments"] as? String == Self.entry.discussion?.pageURL)
        #expect(entry["slash"] as? String == "9")
    }

    @Test("WordPress Atom reads back whole, with the threading extension's total")
    func wordPressAtom() throws {
        let parsed = try Self.parse(try WordPressAtomFeed.document(channel: Self.channel, entries: [Self.entry]))
        #expect(parsed["bozo"] as? Int == 0, "\(parsed["error"] ?? "")")
        #expect(parsed["version"] as? String == "atom10")
        #expect(parsed["title"] as? String == Self.channel.title)
        let entry = try Self.firstEntry(parsed)
        // The title is HTML (`type="html"`, as WordPress writes it): the plain title escaped.
        #expect(entry["title"] as? String == "A &lt; B &amp; &quot;C&quot; \u{1F680}")
        #expect(entry["link"] as? String == Self.entry.link)
        #expect(entry["id"] as? String == Self.entry.guid)
        #expect(entry["author"] as? String == Self.entry.author)
        #expect(entry["published"] as? [Int] == [2008, 1, 12, 10, 15, 7])
        #expect(entry["tags"] as? [String] == ["Caf\u{E9} & Culture", "\u{1F389} party"])
        #expect(entry["thr"] as? String == "9")
    }

    @Test("the comment feeds, RSS 2.0 and Atom, title their items as WordPress does, site-wide and for one post")
    func comments() throws {
        let comment = FeedComment(postTitle: "A < B", postLink: "http://gw.example/a/", postGUID: "http://old.example/?p=4", author: "Ann ]]>",
                                  link: "http://gw.example/a/#comment-3", guid: "http://old.example/?p=4#comment-3", date: Self.published,
                                  text: "<p>Nice &amp; kind.</p>")
        for (onePost, title) in [(false, "Comment on A < B by Ann ]]>"), (true, "By: Ann ]]>")] {
            for document in [
                try WordPressCommentsFeed.document(channel: Self.channel, comments: [comment], onePost: onePost),
                try WordPressAtomCommentsFeed.document(channel: Self.channel, comments: [comment], onePost: onePost),
            ] {
                let parsed = try Self.parse(document)
                #expect(parsed["bozo"] as? Int == 0, "\(parsed["error"] ?? "")")
                let entry = try Self.firstEntry(parsed)
                #expect(entry["title"] as? String == title)
                #expect(entry["link"] as? String == comment.link)
                #expect(entry["id"] as? String == comment.guid)
                #expect(entry["author"] as? String == comment.author)
                #expect(entry["published"] as? [Int] == [2008, 1, 12, 10, 15, 7])
                #expect(entry["content"] as? [String] == ["<p>Nice &amp; kind.</p>"])
            }
        }
    }

    @Test("Movable Type's RSS 2.0, Atom and RSS 1.0 read back whole")
    func movableType() throws {
        for (document, version) in [
            (try MovableTypeRSS2Feed.document(channel: Self.channel, entries: [Self.entry]), "rss20"),
            (try MovableTypeAtomFeed.document(channel: Self.channel, entries: [Self.entry]), "atom10"),
            (try RSS1Feed.document(channel: Self.channel, entries: [Self.entry]), "rss10"),
        ] {
            let parsed = try Self.parse(document)
            #expect(parsed["bozo"] as? Int == 0, "\(version): \(parsed["error"] ?? "")")
            #expect(parsed["version"] as? String == version)
            #expect(parsed["title"] as? String == Self.channel.title)
            let entry = try Self.firstEntry(parsed)
            #expect(entry["title"] as? String == Self.entry.title, "\(version)")
            #expect(entry["link"] as? String == Self.entry.link, "\(version)")
            #expect(entry["published"] as? [Int] == [2008, 1, 12, 10, 15, 7], "\(version)")
            #expect(entry["tags"] as? [String] == ["Caf\u{E9} & Culture", "\u{1F389} party"], "\(version)")
        }
    }

    @Test("an empty feed is still a valid feed in every format")
    func empty() throws {
        var channel = Self.channel
        channel.updated = nil
        channel.language = ""
        for document in [
            try WordPressRSS2Feed.document(channel: channel, entries: []), try WordPressAtomFeed.document(channel: channel, entries: []),
            try WordPressCommentsFeed.document(channel: channel, comments: [], onePost: true),
            try WordPressAtomCommentsFeed.document(channel: channel, comments: [], onePost: true),
            try MovableTypeRSS2Feed.document(channel: channel, entries: []), try MovableTypeAtomFeed.document(channel: channel, entries: []),
            try RSS1Feed.document(channel: channel, entries: []),
        ] {
            let parsed = try Self.parse(document)
            #expect(parsed["bozo"] as? Int == 0, "\(parsed["error"] ?? ""): \(String(decoding: document, as: UTF8.self))")
            #expect((parsed["entries"] as? [Any])?.isEmpty == true)
        }
    }
}
