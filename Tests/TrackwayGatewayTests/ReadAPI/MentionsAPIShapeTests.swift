import Foundation
import Testing

/// The read API's answers have webmention.io's shapes, field by field, as a client parses them.
@Suite struct MentionsAPIShapeTests {
    /// Each entry's fields with the JSON type a client sees (`str`, `int`, `bool`, `NoneType`),
    /// read by Python's json module.
    private static let shapeScript = """
    import json, sys, urllib.request
    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        return type(value).__name__
    with urllib.request.urlopen(sys.argv[1]) as answer:
        feed = json.load(answer)
    entries = feed["children"] if "children" in feed else feed["links"]
    print(json.dumps([shape(entry) for entry in entries], sort_keys=True, separators=(",", ":")))
    """

    private static func json(_ value: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func jf2EntriesCarryEveryFieldWithWebmentionIOsTypes() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let url = harness.base + "/api/mentions.jf2?target=" + MentionsSite.talkedAbout
        let shapes = try await harness.python(Self.shapeScript, [url]).trimmingCharacters(in: .whitespacesAndNewlines)
        let common: [String: Any] = [
            "type": "str", "url": "str", "wm-received": "str", "wm-id": "int", "wm-source": "str", "wm-target": "str",
            "wm-protocol": "str", "wm-property": "str", "wm-private": "bool", "content": ["html": "str", "text": "str"],
        ]
        var ping = common
        ping["author"] = ["type": "str", "name": "str", "photo": "NoneType", "url": "NoneType"]
        ping["published"] = "NoneType"
        ping["mention-of"] = "str"
        var titled = ping
        titled["name"] = "str"
        var summarized = titled
        summarized["summary"] = ["content-type": "str", "value": "str"]
        var comment = common
        comment["author"] = ["type": "str", "name": "str", "photo": "NoneType", "url": "str"]
        comment["published"] = "str"
        comment["in-reply-to"] = "str"
        // Newest first: the webmention, the pingback, the trackback, the comment.
        #expect(shapes == (try Self.json([ping, titled, summarized, comment])))
    }

    @Test func jf2EntriesSayWhatEachMentionIs() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let answer = try await harness.api("/api/mentions.jf2", [("target", MentionsSite.talkedAbout)])
        #expect(answer.object["type"] as? String == "feed")
        #expect(answer.object["name"] as? String == "Webmentions")
        let entries = answer.children
        try #require(entries.count == 4)
        let (webmention, pingback, trackback, comment) = (entries[0], entries[1], entries[2], entries[3])
        let target = MentionsSite.talkedAbout

        #expect(comment["wm-protocol"] as? String == "comment")
        #expect(comment["wm-property"] as? String == "in-reply-to")
        #expect(comment["in-reply-to"] as? String == target)
        #expect(comment["mention-of"] == nil)
        #expect((comment["author"] as? [String: Any])?["name"] as? String == "Ada & Co")
        #expect((comment["author"] as? [String: Any])?["url"] as? String == "https://ada.example/")
        #expect(comment["url"] as? String == target + "#comment-1")
        #expect(comment["wm-source"] as? String == target + "#comment-1")
        // Written at 10:00 local time, 08:00 UTC.
        #expect(comment["published"] as? String == "2020-05-02T10:00:00+02:00")
        #expect(comment["wm-received"] as? String == "2020-05-02T08:00:00Z")
        let commentContent = comment["content"] as? [String: Any]
        #expect(commentContent?["text"] as? String == "First reply, more")
        // WordPress's comment allow-list keeps the bold text and the link, made nofollow.
        let commentHTML = commentContent?["html"] as? String ?? ""
        #expect(commentHTML.contains("<b>reply</b>"))
        #expect(commentHTML.contains(#"<a href="http://ada.example/more" rel="nofollow ugc">more</a>"#))
        #expect(comment["name"] == nil)

        #expect(trackback["wm-protocol"] as? String == "trackback")
        #expect(trackback["wm-property"] as? String == "mention-of")
        #expect(trackback["mention-of"] as? String == target)
        #expect(trackback["wm-target"] as? String == target)
        #expect((trackback["author"] as? [String: Any])?["name"] as? String == "Peer Blog")
        #expect(trackback["url"] as? String == "http://peer.example/2020/05/answer/")
        #expect(trackback["wm-source"] as? String == "http://peer.example/2020/05/answer/")
        #expect(trackback["name"] as? String == "Peer title")
        #expect((trackback["content"] as? [String: Any])?["text"] as? String == "Peer excerpt")
        #expect(trackback["summary"] as? [String: String] == ["content-type": "text/plain", "value": "Peer excerpt"])
        #expect(pingback["summary"] == nil && comment["summary"] == nil && webmention["summary"] == nil)
        #expect(trackback["wm-received"] as? String == "2020-05-03T09:00:00Z")

        #expect(pingback["wm-protocol"] as? String == "pingback")
        #expect(pingback["name"] as? String == "Citing page \u{2013} title")
        #expect((pingback["author"] as? [String: Any])?["name"] as? String == "Citing page \u{2013} title")
        #expect((pingback["content"] as? [String: Any])?["text"] as? String == "[\u{2026}] cites the post [\u{2026}]")

        #expect(webmention["wm-protocol"] as? String == "webmention")
        #expect(webmention["wm-property"] as? String == "mention-of")
        #expect(webmention["url"] as? String == "http://wm.example/note")

        let ids = entries.compactMap { $0["wm-id"] as? Int }
        #expect(Set(ids).count == 4)
        #expect(answer.body.contains("\"wm-private\":false"))
    }

    @Test func aCommentWithoutAUTCTimeIsPublishedAtItsLocalTimeWithoutAnOffset() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let entries = try await harness.jf2(MentionsSite.localTimeOnly)
        try #require(entries.count == 1)
        #expect(entries[0]["published"] as? String == "2019-03-04T05:06:07")
        #expect(entries[0]["wm-received"] as? String == "2019-03-04T05:06:07Z")
        #expect((entries[0]["author"] as? [String: Any])?["url"] is NSNull)
    }

    @Test func theLinksShapeIsWebmentionIOsOriginalJSON() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let url = harness.base + "/api/mentions.json?target=" + MentionsSite.talkedAbout
        let shapes = try await harness.python(Self.shapeScript, [url]).trimmingCharacters(in: .whitespacesAndNewlines)
        func link(author: [String: Any], name: String, published: String, activity: [String: Any] = ["type": "str"]) -> [String: Any] {
            [
                "source": "str", "verified": "bool", "verified_date": "str", "id": "int", "private": "bool", "target": "str",
                "activity": activity,
                "data": [
                    "author": author, "url": "str", "name": name, "content": "str", "published": published,
                    "published_ts": published == "str" ? "int" : "NoneType",
                ],
            ]
        }
        let ping = link(author: ["name": "str", "url": "NoneType", "photo": "NoneType"], name: "str", published: "NoneType")
        var webmention = ping
        var data = webmention["data"] as? [String: Any] ?? [:]
        data["name"] = "NoneType"
        webmention["data"] = data
        let comment = link(author: ["name": "str", "url": "str", "photo": "NoneType"], name: "NoneType", published: "str")
        #expect(shapes == (try Self.json([webmention, ping, ping, comment])))

        let answer = try await harness.api("/api/mentions.json", [("target", MentionsSite.talkedAbout)])
        let links = answer.links
        try #require(links.count == 4)
        #expect((links[3]["activity"] as? [String: Any])?["type"] as? String == "reply")
        #expect((links[2]["activity"] as? [String: Any])?["type"] as? String == "link")
        #expect(links[2]["source"] as? String == "http://peer.example/2020/05/answer/")
        #expect(links[2]["target"] as? String == MentionsSite.talkedAbout)
        #expect(links[2]["verified_date"] as? String == "2020-05-03T09:00:00+00:00")
        #expect((links[3]["data"] as? [String: Any])?["published_ts"] as? Int == 1_588_406_400)
        #expect(links.map { $0["id"] as? Int } == (try await harness.jf2(MentionsSite.talkedAbout)).map { $0["wm-id"] as? Int })
    }

    @Test func theCountIsGivenInAllAndByType() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let talkedAbout = try await harness.api("/api/count.json", [("target", MentionsSite.talkedAbout)])
        #expect(talkedAbout.object["count"] as? Int == 4)
        #expect(talkedAbout.object["type"] as? [String: Int] == ["mention": 3, "reply": 1])
        let popular = try await harness.api("/api/count", [("target", MentionsSite.popular)])
        #expect(popular.object["count"] as? Int == MentionsSite.popularComments)
        #expect(popular.object["type"] as? [String: Int] == ["reply": MentionsSite.popularComments])
        let unknown = try await harness.api("/api/count", [("target", MentionsSite.host + "/no/such/post/")])
        #expect(unknown.status == 200)
        #expect(unknown.body == #"{"count":0,"type":{}}"#)
    }

    @Test func everyRouteAnswersItsShapeToAnyOrigin() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let routes = [
            ("/api/mentions", "links"), ("/api/mentions.json", "links"), ("/api/links", "links"), ("/api/links.json", "links"),
            ("/api/mentions.jf2", "children"), ("/api/links.jf2", "children"), ("/api/count", "count"), ("/api/count.json", "count"),
        ]
        for (path, key) in routes {
            let answer = try await harness.api(path, [("target", MentionsSite.talkedAbout)])
            #expect(answer.status == 200, "\(path)")
            #expect(answer.object[key] != nil, "\(path)")
            #expect(answer.headers["access-control-allow-origin"] == "*", "\(path)")
            #expect(answer.headers["cache-control"] == "no-store", "\(path)")
            #expect(answer.headers["content-type"] == "application/json; charset=UTF-8", "\(path)")
        }
    }

    @Test func aJSONPCallbackGetsTheAnswerAsAScript() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let plain = try await harness.api("/api/mentions.jf2", [("target", MentionsSite.talkedAbout)])
        let wrapped = try await harness.api("/api/mentions.jf2", [("target", MentionsSite.talkedAbout), ("jsonp", "site.render_$1")])
        #expect(wrapped.status == 200)
        #expect(wrapped.headers["content-type"] == "application/javascript; charset=UTF-8")
        #expect(wrapped.headers["x-content-type-options"] == "nosniff")
        #expect(wrapped.body == "/**/site.render_$1(" + plain.body + ");")
    }

    @Test func headAnswersTheHeadersAndOtherMethodsAreRefused() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let get = try await harness.api("/api/mentions.jf2", [("target", MentionsSite.talkedAbout)])
        let head = try await harness.api("/api/mentions.jf2", [("target", MentionsSite.talkedAbout)], method: "HEAD")
        #expect(head.status == 200)
        #expect(head.headers["content-length"] == String(get.body.utf8.count))
        #expect(head.headers["access-control-allow-origin"] == "*")
        let post = try await harness.api("/api/mentions.jf2", [("target", MentionsSite.talkedAbout)], method: "POST")
        #expect(post.status == 405)
        #expect(post.headers["allow"] == "GET, HEAD")
    }
}
