import Foundation
import Testing

/// The owner's Atom feed of received pings (`serve --owner-feed-token`), read with curl and
/// parsed by Python's ElementTree.
@Suite struct OwnerFeedEndToEndTests {
    private static let token = "owner-secret-0123456789"

    @Test("lists the pings this server received, newest first, with kind, status and source, as Atom")
    func listsReceivedPings() async throws {
        let harness = try await GatewayHarness { $0.ownerFeedToken = Self.token }
        defer { harness.stop() }
        // A ping an export brought: history, not news for the owner.
        _ = try await harness.sqlite("""
            INSERT INTO comments(post_id, kind, comment_type, author_url, approved, status, origin)
            VALUES (1, 'trackback', 'trackback', 'http://old.example/imported', '1', 'approved', 'import')
            """)
        // The trackback's source does not resolve, so its check leaves it pending.
        let trackback = try await harness.trackback(
            "/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.invalid%2Fciting&title=Citing+%26+more&blog_name=Other+Blog&excerpt=Nice"
        )
        #expect(trackback.body.contains("<error>0</error>"))
        let source = try harness.page("cites.html", "<title>Cites</title><p>Read <a href=\"\(GatewayHarness.openPost)\">this</a>.</p>")
        let pinged = try await harness.xmlrpc("pingback.ping", [source, GatewayHarness.openPost])
        #expect(pinged["result"] != nil, "\(pinged)")

        let feed = try await harness.curl([harness.base + "/trackway/pings.atom?token=\(Self.token)"])
        #expect(feed.status == 200)
        #expect(feed.headers.lowercased().contains("content-type: application/atom+xml"))
        #expect(feed.headers.lowercased().contains("cache-control: private, no-store"))
        let entries = try await Self.parsedEntries(feed.body)
        try #require(entries.count == 2, "\(feed.body)")
        #expect(entries[0]["link"] == source && entries[0]["categories"] == "pingback approved")
        #expect(entries[1]["link"] == "http://tb.invalid/citing" && entries[1]["categories"] == "trackback pending")
        #expect(entries[1]["title"] == "TrackBack on \u{201C}Hello world\u{201D} from Citing & more (pending)")
        #expect(entries[1]["author"] == "Other Blog")
        #expect(entries[1]["content"]?.contains("Nice") == true)
        #expect(entries.allSatisfy { $0["updated"]?.hasSuffix("Z") == true && $0["id"]?.hasPrefix("urn:trackway:ping:") == true })

        let pending = try await harness.curl(["-H", "Authorization: Bearer \(Self.token)", harness.base + "/trackway/pings.atom?status=pending"])
        #expect(try await Self.parsedEntries(pending.body).map { $0["link"] } == ["http://tb.invalid/citing"])
        let unknown = try await harness.curl([harness.base + "/trackway/pings.atom?token=\(Self.token)&status=maybe"])
        #expect(unknown.status == 400 && unknown.body.contains("approved, pending, spam, trash"))
    }

    @Test("refuses the feed without the owner's token, and serves none when no token is set")
    func needsTheToken() async throws {
        let harness = try await GatewayHarness { $0.ownerFeedToken = Self.token }
        defer { harness.stop() }
        _ = try await harness.trackback("/2008/01/hello/trackback/", "url=http%3A%2F%2Ftb.invalid%2Fsecret&title=Secret")
        for arguments in [[], ["-H", "Authorization: Bearer wrong-secret-0123456789"]] {
            let refused = try await harness.curl(arguments + [harness.base + "/trackway/pings.atom"])
            #expect(refused.status == 403 && !refused.body.contains("tb.invalid"))
        }
        let wrong = try await harness.curl([harness.base + "/trackway/pings.atom?token=" + Self.token.dropLast() + "X"])
        #expect(wrong.status == 403 && !wrong.body.contains("tb.invalid"))

        let closed = try await GatewayHarness()
        defer { closed.stop() }
        #expect(try await closed.curl([closed.base + "/trackway/pings.atom?token=\(Self.token)"]).status == 404)
    }

    /// Each entry's title, id, updated, link, author, content and categories (space-separated).
    private static func parsedEntries(_ atom: String) async throws -> [[String: String]] {
        let script = """
        import json, sys, xml.etree.ElementTree as ET
        A = "{http://www.w3.org/2005/Atom}"
        feed = ET.fromstring(sys.argv[1])
        assert feed.tag == A + "feed" and feed.find(A + "updated") is not None
        print(json.dumps([{
            "title": e.findtext(A + "title"), "id": e.findtext(A + "id"), "updated": e.findtext(A + "updated"),
            "link": e.find(A + "link").get("href"), "author": e.findtext(A + "author/" + A + "name"),
            "content": e.findtext(A + "content"), "categories": " ".join(c.get("term") for c in e.findall(A + "category")),
        } for e in feed.findall(A + "entry")]))
        """
        let output = try await GatewayHarness.run("/usr/bin/python3", ["-c", script, atom])
        return (try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: String]]) ?? []
    }
}
