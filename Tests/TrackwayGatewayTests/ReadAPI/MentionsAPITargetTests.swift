import Foundation
import Testing

/// A target names its post through the same resolution as a ping: any old form of its URL.
@Suite struct MentionsAPITargetTests {
    /// `talkedAbout`'s approved items, newest first, by source URL.
    private static let talkedAboutSources = [
        "http://wm.example/note", "http://cite.example/page", "http://peer.example/2020/05/answer/",
        MentionsSite.talkedAbout + "#comment-1",
    ]

    @Test func everyOldFormOfThePostURLNamesItsMentions() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let forms = [
            MentionsSite.talkedAbout,
            "https://mentions.example/2020/05/talked-about/",
            "http://www.mentions.example/2020/05/talked-about",
            "HTTPS://WWW.Mentions.Example:443/2020/05/talked-about/",
            "http://mentions.example/?p=101",
            "http://mentions.example/2020/05/talked-about/?utm_source=feed",
            "http://mentions.example/2020/05/talked-about/#comments",
        ]
        for target in forms {
            let entries = try await harness.jf2(target)
            #expect(entries.map { $0["url"] as? String } == Self.talkedAboutSources, "\(target)")
            // A widget finds its own page URL in every entry.
            #expect(entries.allSatisfy { $0["wm-target"] as? String == target }, "\(target)")
        }
    }

    @Test func aTargetWithoutSchemeMatchesHTTPAndHTTPS() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        for target in ["//mentions.example/2020/05/talked-about/", "mentions.example/2020/05/talked-about/"] {
            let entries = try await harness.jf2(target)
            #expect(entries.map { $0["url"] as? String } == Self.talkedAboutSources, "\(target)")
            #expect(entries.allSatisfy { $0["wm-target"] as? String == MentionsSite.talkedAbout }, "\(target)")
        }
    }

    @Test func aTargetThatNamesNoPostAnswersAnEmptyList() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        for target in [MentionsSite.host + "/2020/05/no-such-post/", "http://elsewhere.example/2020/05/talked-about/", "not a url at all"] {
            let answer = try await harness.api("/api/mentions.jf2", [("target", target)])
            #expect(answer.status == 200, "\(target)")
            #expect(answer.object["children"] as? [Any] != nil, "\(target)")
            #expect(answer.children.isEmpty, "\(target)")
            let links = try await harness.api("/api/mentions.json", [("target", target)])
            #expect(links.status == 200, "\(target)")
            #expect(links.body == #"{"links":[]}"#, "\(target)")
        }
    }

    @Test func severalTargetsListTheMentionsOfEachPostOnce() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let other = "https://mentions.example/2020/05/talked-about/"
        let answer = try await harness.api("/api/mentions.jf2", [
            ("target[]", MentionsSite.talkedAbout), ("target[]", MentionsSite.popular), ("target[]", other),
            ("sort-dir", "up"), ("per-page", "100"),
        ])
        let byTarget = Dictionary(grouping: answer.children) { $0["wm-target"] as? String ?? "" }
        // Oldest first: the talked-about post's four items (2020), then the popular post's comments (2021).
        #expect(byTarget[MentionsSite.talkedAbout]?.count == 4)
        #expect(byTarget[MentionsSite.popular]?.count == 96)
        #expect(byTarget[other] == nil)
        #expect(Set(answer.children.compactMap { $0["wm-id"] as? Int }).count == 100)
        let count = try await harness.api("/api/count", [
            ("target", MentionsSite.talkedAbout), ("target[]", other), ("target[]", MentionsSite.popular),
        ])
        #expect(count.object["count"] as? Int == 4 + MentionsSite.popularComments)
    }

    @Test func theNewSiteAsksWithItsOwnURLsUnderTheRedirectBase() async throws {
        let harness = try await GatewayHarness.withMentionsSite { $0.redirectBase = "https://new.example/blog/" }
        defer { harness.stop() }
        let target = "https://new.example/blog/2020/05/talked-about/"
        let entries = try await harness.jf2(target)
        #expect(entries.map { $0["url"] as? String } == Self.talkedAboutSources)
        #expect(entries.allSatisfy { $0["wm-target"] as? String == target })
        #expect(try await harness.jf2("https://new.example/2020/05/talked-about/").isEmpty)
    }
}
