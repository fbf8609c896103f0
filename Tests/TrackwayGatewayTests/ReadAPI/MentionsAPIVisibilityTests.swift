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

    @Test func theXSSCorpusInAnyFieldNeverReachesContentHTMLAlive() async throws {
        let harness = try await GatewayHarness.withMentionsSite()
        defer { harness.stop() }
        let corpus = try HTMLSafety.corpus()
        var entries: [[String: Any]] = []
        for page in 0..<4 {
            entries += try await harness.api("/api/mentions.jf2", [
                ("target", MentionsSite.hostile), ("per-page", "100"), ("page", String(page)),
            ]).children
        }
        // A comment, a trackback and a pingback per hostile string.
        #expect(entries.count == 3 * corpus.count)
        // Content that comes out empty (a lone HTML comment) is left out, as webmention.io leaves it.
        let html = entries.compactMap { ($0["content"] as? [String: Any])?["html"] as? String }
        #expect(html.count > 2 * corpus.count)
        let findings = try await onOwnThread { try HTMLSafety.check(html: HTMLSafety.page(body: html.joined(separator: "\n"))) }
        #expect(findings == [])
        // Links a widget puts into href are web URLs or absent (a comment author's javascript: site is dropped).
        for entry in entries {
            for link in [entry["url"], entry["wm-source"], (entry["author"] as? [String: Any])?["url"]] {
                if let link = link as? String {
                    #expect(link.hasPrefix("http://") || link.hasPrefix("https://"), "\(link)")
                }
            }
        }
    }
}
