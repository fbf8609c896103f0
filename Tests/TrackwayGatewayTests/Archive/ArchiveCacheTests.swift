import Foundation
import Testing
import TrackwayTesting

@Suite struct ArchiveCacheTests {
    @Test("a conditional GET with the page's ETag or Last-Modified gets 304; HEAD gets the headers only")
    func conditionalRequests() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let page = try await harness.get("/2026/03/spring-tides/")
        let etag = try #require(GatewayHarness.header("ETag", in: page.headers))
        let lastModified = try #require(GatewayHarness.header("Last-Modified", in: page.headers))
        let byTag = try await harness.get("/2026/03/spring-tides/", headers: ["If-None-Match: \"other\", \(etag)"])
        #expect(byTag.status == 304 && byTag.body.isEmpty && GatewayHarness.header("ETag", in: byTag.headers) == etag)
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-None-Match: W/\(etag)"]).status == 304)
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-Modified-Since: \(lastModified)"]).status == 304)
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-None-Match: \"other\""]).status == 200)
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-Modified-Since: Thu, 01 Jan 2015 00:00:00 GMT"]).status == 200)
        let head = try await harness.get("/2026/03/spring-tides/", method: "HEAD")
        #expect(head.status == 200)
        #expect(GatewayHarness.header("Content-Length", in: head.headers) == String(page.body.utf8.count))
    }

    @Test("a cached page shows a ping approved by another process, with a new ETag")
    func invalidation() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let before = try await harness.get("/2026/03/spring-tides/")
        #expect(!before.body.contains("pending ping title"))
        let etag = try #require(GatewayHarness.header("ETag", in: before.headers))
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-None-Match: \(etag)"]).status == 304)
        // sqlite3 is another process, as `trackway pings approve` would be.
        _ = try await harness.sqlite("UPDATE comments SET status = 'approved', approved = '1' WHERE source_id = '203'")
        var after = before
        for _ in 0..<50 where !after.body.contains("pending ping title") {
            try await Task.sleep(for: .milliseconds(100))
            after = try await harness.get("/2026/03/spring-tides/")
        }
        #expect(after.body.contains("pending ping title") && after.body.contains("<h2>4 trackbacks, pingbacks and webmentions</h2>"))
        #expect(GatewayHarness.header("ETag", in: after.headers) != etag)
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-None-Match: \(etag)"]).status == 200)
        #expect(try await harness.get("/", headers: []).body.contains(">4 pings</a>"))
    }

    @Test("a change the page does not show leaves its ETag and Last-Modified as they were, so clients keep getting 304")
    func unrelatedChange() async throws {
        let harness = try await GatewayHarness.archive()
        defer { harness.stop() }
        let before = try await harness.get("/2026/03/spring-tides/")
        let etag = try #require(GatewayHarness.header("ETag", in: before.headers))
        let lastModified = try #require(GatewayHarness.header("Last-Modified", in: before.headers))
        _ = try await harness.sqlite("UPDATE posts SET title = 'Renamed draft' WHERE source_id = '13'")
        // Past the cache's 200 ms between asks: the page is rendered again, to the same bytes.
        try await Task.sleep(for: .milliseconds(400))
        let after = try await harness.get("/2026/03/spring-tides/")
        #expect(GatewayHarness.header("ETag", in: after.headers) == etag)
        #expect(GatewayHarness.header("Last-Modified", in: after.headers) == lastModified)
        #expect(try await harness.get("/2026/03/spring-tides/", headers: ["If-Modified-Since: \(lastModified)"]).status == 304)
    }
}
