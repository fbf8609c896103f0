import Foundation
import Testing
import TrackwayTesting

/// Only what the old blog showed the public is public: one test per hidden state.
@Suite struct ArchiveVisibilityTests {
    @Test("a post the public never saw answers 404 at its permalink and ?p=, and no listing shows it",
          arguments: ArchiveSample.hidden.map(\.status))
    func hiddenPost(status: String) async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let id = try #require(ArchiveSample.hidden.first { $0.status == status }).id
        let permalink = try await harness.get("/2026/04/\(status)/")
        #expect(permalink.status == 404 && !permalink.body.contains("\(status) post"))
        #expect(try await harness.get("/?p=\(id)").status == 404)
        #expect(try await harness.get("/2026/04/").status == 404)
        for path in ["/", "/?s=post", "/author/mara/"] {
            #expect(try await !harness.get(path).body.contains("\(status) post"), "\(path)")
        }
    }

    @Test("an attachment of a draft answers 404, as does a menu item")
    func hiddenAttachment() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        #expect(try await harness.get("/2026/03/draft-photo/").status == 404)
        #expect(try await harness.get("/menu-item/").status == 404)
    }

    @Test("a comment held for moderation, marked spam or trashed is not shown",
          arguments: ["pending comment text", "spam comment text", "trashed comment text"])
    func hiddenComment(text: String) async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let page = try await harness.get("/2026/03/spring-tides/")
        #expect(page.status == 200 && page.body.contains("We lost two fenders."))
        #expect(!page.body.contains(text))
    }

    @Test("a ping held for moderation, marked spam or trashed is not shown",
          arguments: ["pending ping title", "spam ping title", "trashed ping title"])
    func hiddenPing(title: String) async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let page = try await harness.get("/2026/03/spring-tides/")
        #expect(page.status == 200 && page.body.contains("Tide tables"))
        #expect(!page.body.contains(title))
    }
}
