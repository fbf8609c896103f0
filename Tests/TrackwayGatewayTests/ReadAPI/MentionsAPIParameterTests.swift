import Foundation
import Testing

/// webmention.io's parameters select, page, order and poll; a bad one is refused with a 400.
@Suite struct MentionsAPIParameterTests {
    /// `talkedAbout`'s approved items by source URL, newest first.
    private static let webmention = "http://wm.example/note"
    private static let pingback = "http://cite.example/page"
    private static let trackback = "http://peer.example/2020/05/answer/"
    private static let comment = MentionsSite.talkedAbout + "#comment-1"

    private static func urls(_ entries: [[String: Any]]) -> [String?] {
        entries.map { $0["url"] as? String }
    }

    @Test func wmPropertySelectsRepliesOrMentions() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let target = MentionsSite.talkedAbout
        #expect(Self.urls(try await harness.jf2(target, [("wm-property", "in-reply-to")])) == [Self.comment])
        #expect(Self.urls(try await harness.jf2(target, [("wm-property", "mention-of")])) == [Self.webmention, Self.pingback, Self.trackback])
        #expect(Self.urls(try await harness.jf2(target, [("wm-property[]", "mention-of"), ("wm-property[]", "in-reply-to")]))
            == [Self.webmention, Self.pingback, Self.trackback, Self.comment])
        for nothingHere in ["like-of", "repost-of", "bookmark-of", "rsvp"] {
            #expect(try await harness.jf2(target, [("wm-property", nothingHere)]).isEmpty)
        }
    }

    @Test func pagesHoldTwentyByDefaultAndAtMostAHundred() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let target = MentionsSite.popular
        let newest = MentionsSite.popularComments - 1
        let first = try await harness.api("/api/mentions.jf2", [("target", target)]).children
        #expect(first.count == 20)
        #expect((first.first?["author"] as? [String: Any])?["name"] as? String == "Reader \(newest)")
        #expect(try await harness.api("/api/mentions.jf2", [("target", target), ("per-page", "500")]).children.count == 100)
        #expect(try await harness.api("/api/mentions.jf2", [("target", target), ("perPage", "7")]).children.count == 7)
        let second = try await harness.api("/api/mentions.jf2", [("target", target), ("per-page", "100"), ("page", "1")]).children
        #expect(second.count == MentionsSite.popularComments - 100)
        // Zero-based pages follow each other without a gap or an overlap.
        var names: [String] = []
        for page in 0..<3 {
            let entries = try await harness.api("/api/mentions.jf2", [("target", target), ("per-page", "50"), ("page", String(page))]).children
            names += entries.compactMap { ($0["author"] as? [String: Any])?["name"] as? String }
        }
        #expect(names == (0..<MentionsSite.popularComments).reversed().map { "Reader \($0)" })
        #expect(try await harness.api("/api/mentions.jf2", [("target", target), ("page", "99999999999999999999")]).children.isEmpty)
    }

    @Test func sortByAndSortDirOrderTheList() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let target = MentionsSite.talkedAbout
        let newestFirst = [Self.webmention, Self.pingback, Self.trackback, Self.comment]
        #expect(Self.urls(try await harness.jf2(target, [("sort-by", "created"), ("sort-dir", "down")])) == newestFirst)
        #expect(Self.urls(try await harness.jf2(target, [("sort-dir", "up")])) == newestFirst.reversed())
        #expect(Self.urls(try await harness.jf2(target, [("sort-by", "updated")])) == newestFirst)
        // Only the comment says when its author wrote it: it comes first newest first, last oldest first.
        #expect(Self.urls(try await harness.jf2(target, [("sort-by", "published")])) == [Self.comment, Self.webmention, Self.pingback, Self.trackback])
        #expect(Self.urls(try await harness.jf2(target, [("sort-by", "published"), ("sort-dir", "up")])) == [Self.trackback, Self.pingback, Self.webmention, Self.comment])
    }

    @Test func sinceAndSinceIDListOnlyWhatCameLater() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let target = MentionsSite.talkedAbout
        #expect(Self.urls(try await harness.jf2(target, [("since", "2020-05-03T12:00:00Z")])) == [Self.webmention, Self.pingback])
        #expect(Self.urls(try await harness.jf2(target, [("since", "2020-05-03T14:00:00+02:00")])) == [Self.webmention, Self.pingback])
        #expect(Self.urls(try await harness.jf2(target, [("since", "2020-05-04")])) == [Self.webmention, Self.pingback])
        // A `+` written into the URL by hand arrives as a space.
        let raw = try await harness.api(rawPath: "/api/mentions.jf2?target=\(target)&since=2020-05-03T14:00:00+02:00")
        #expect(Self.urls(raw.children) == [Self.webmention, Self.pingback])
        #expect(try await harness.jf2(target, [("since", "2020-05-06T00:00:00Z")]).isEmpty)

        let all = try await harness.jf2(target, [("sort-dir", "up")])
        let trackbackID = try #require(all.first { $0["url"] as? String == Self.trackback }?["wm-id"] as? Int)
        let later = all.filter { ($0["wm-id"] as? Int ?? 0) > trackbackID }.map { $0["url"] as? String }
        #expect(!later.isEmpty)
        #expect(Self.urls(try await harness.jf2(target, [("since_id", String(trackbackID)), ("sort-dir", "up")])) == later)
    }

    @Test func aBadParameterIsRefusedWithItsName() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let bad = [
            ("per-page", "abc"), ("per-page", "-5"), ("page", "-1"), ("page", "1.5"), ("sort-by", "x"), ("sort-dir", "sideways"),
            ("since", "garbage"), ("since", "2020-02-30T00:00:00Z"), ("since", "2020-05-03T25:00:00Z"), ("since_id", "last"),
            ("wm-property", "likes"), ("jsonp", "alert(1)"), ("jsonp", "a;b"), ("jsonp", "1up"), ("jsonp", "a..b"),
        ]
        for (name, value) in bad {
            for path in ["/api/mentions.jf2", "/api/mentions.json", "/api/count"] {
                let answer = try await harness.api(path, [("target", MentionsSite.talkedAbout), (name, value)])
                #expect(answer.status == 400, "\(path) \(name)=\(value)")
                #expect(answer.object["error"] as? String == "invalid_input", "\(path) \(name)=\(value)")
                #expect((answer.object["error_description"] as? String)?.contains(name) == true, "\(path) \(name)=\(value)")
                #expect(answer.headers["content-type"] == "application/json; charset=UTF-8")
                #expect(answer.headers["access-control-allow-origin"] == "*")
            }
        }
    }

    @Test func aRequestWithoutATargetOrWithTooManyIsRefused() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let none = try await harness.api("/api/mentions.jf2", [("token", "abc")])
        #expect(none.status == 400)
        #expect((none.object["error_description"] as? String)?.contains("target") == true)
        let many = (0...50).map { ("target[]", MentionsSite.host + "/\($0)/") }
        let tooMany = try await harness.api("/api/mentions.jf2", many)
        #expect(tooMany.status == 400)
        #expect((tooMany.object["error_description"] as? String)?.contains("50") == true)
    }

    @Test func emptyParametersCountAsAbsent() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let entries = try await harness.api("/api/mentions.jf2", [
            ("target", MentionsSite.talkedAbout), ("since", ""), ("since_id", ""), ("per-page", ""), ("jsonp", ""), ("sort-by", ""),
        ])
        #expect(entries.status == 200)
        #expect(Self.urls(entries.children) == [Self.webmention, Self.pingback, Self.trackback, Self.comment])
    }
}
