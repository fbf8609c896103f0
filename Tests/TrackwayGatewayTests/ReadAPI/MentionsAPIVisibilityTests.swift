import Foundation
import Testing
import TrackwayStore
import TrackwayTesting

/// Only what the old blog showed the public is listed, and a moderation change shows at once.
@Suite struct MentionsAPIVisibilityTests {
    @Test(arguments: ["0", "spam", "trash"])
    func itemsInAHiddenStateAreNeitherListedNorCounted(state: String) async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let hidden = MentionsSite.talkedAboutItems.filter { $0.approved == state }
        try #require(hidden.contains { $0.kind.isEmpty } && hidden.contains { !$0.kind.isEmpty })
        let jf2 = try await harness.jf2(MentionsSite.talkedAbout)
        let links = try await harness.api("/api/mentions.json", [("target", MentionsSite.talkedAbout)]).links
        let shown = Set(jf2.compactMap { ($0["author"] as? [String: Any])?["name"] as? String })
        let approved = MentionsSite.talkedAboutItems.filter { $0.approved == "1" }
        #expect(jf2.count == approved.count)
        #expect(links.count == approved.count)
        for item in hidden {
            #expect(!shown.contains(item.author))
            #expect(!jf2.contains { $0["url"] as? String == item.url })
            #expect(!links.contains { $0["source"] as? String == item.url })
        }
        let count = try await harness.api("/api/count", [("target", MentionsSite.talkedAbout)])
        #expect(count.object["count"] as? Int == approved.count)
    }

    @Test(arguments: [MentionsSite.privatePost, MentionsSite.draftPost, MentionsSite.protectedPost])
    func aPostThePublicCannotReadHasNoMentionsToList(post: String) async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let answer = try await harness.api("/api/mentions.jf2", [("target", post)])
        #expect(answer.status == 200)
        #expect(answer.children.isEmpty)
        let count = try await harness.api("/api/count", [("target", post)])
        #expect(count.object["count"] as? Int == 0)
    }

    @Test func aModerationChangeShowsOnTheNextRequest() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        func sources() async throws -> Set<String> {
            Set(try await harness.jf2(MentionsSite.talkedAbout).compactMap { $0["url"] as? String })
        }
        let approvedTrackback = "http://peer.example/2020/05/answer/"
        let pendingTrackback = "http://pending.example/post/"
        let before = try await sources()
        #expect(before.contains(approvedTrackback) && !before.contains(pendingTrackback))
        // Asked twice, so the answer is one the server keeps.
        #expect(try await sources() == before)
        let idOf = { (url: String) async throws -> Int in
            Int(try await harness.sqlite("SELECT id FROM comments WHERE author_url = '\(url)'").trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        }
        let (approvedID, pendingID) = (try await idOf(approvedTrackback), try await idOf(pendingTrackback))
        // Another connection moderates, as the CLI does from its own process.
        let store = try Store(path: harness.databasePath)
        #expect(try store.setStatus(.spam, ofPings: [approvedID]).isEmpty)
        #expect(!(try await sources()).contains(approvedTrackback))
        #expect(try store.setStatus(.approved, ofPings: [pendingID, approvedID]).isEmpty)
        #expect(try await sources() == before.union([pendingTrackback]))
    }

    /// Parses every `content.html` with html5lib (a browser's parsing algorithm) and lists what
    /// could run: script-like elements, event handler attributes, and URLs with a script or data
    /// scheme once the spaces and control characters a browser ignores are taken out.
    private static let liveMarkupScript = """
    import json, re, sys, urllib.request
    import html5lib
    with urllib.request.urlopen(sys.argv[1]) as answer:
        feed = json.load(answer)
    found = []
    for entry in feed["children"]:
        html = (entry.get("content") or {}).get("html", "")
        for element in html5lib.parseFragment(html, namespaceHTMLElements=False).iter():
            tag = element.tag if isinstance(element.tag, str) else ""
            local = tag.split("}")[-1].lower()
            if local in ("script", "iframe", "svg", "math", "style", "object", "embed", "frame", "base", "link", "meta", "form"):
                found.append("element " + local)
            for name, value in element.attrib.items():
                name = name.split("}")[-1].lower()
                if name.startswith("on"):
                    found.append("handler " + name)
                squeezed = re.sub(r"[\\x00-\\x20]", "", value).lower()
                if re.match(r"(javascript|vbscript|data):", squeezed):
                    found.append("url " + value)
        author = entry.get("author") or {}
        if author.get("url") and not re.match(r"https?://", author["url"]):
            found.append("author url " + author["url"])
    print(json.dumps({"entries": len(feed["children"]), "found": found}))
    """

    @Test func hostileMarkupInAnyFieldNeverReachesContentHTMLAlive() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let url = harness.base + "/api/mentions.jf2?per-page=100&target=" + MentionsSite.hostile
        let output = try await onOwnThread { try TestPython.run(["-c", Self.liveMarkupScript, url]).stdout }
        let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        #expect(result?["entries"] as? Int == 3 * MentionsSite.hostileMarkup.count)
        #expect(result?["found"] as? [String] == [])
    }
}
