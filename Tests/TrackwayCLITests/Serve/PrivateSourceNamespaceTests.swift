import Foundation
import Testing
import TrackwayTesting

/// `trackway serve` in a network namespace of its own (`unshare -n`), where private, link-local,
/// cloud-metadata and unique-local addresses really exist and listen: pingback and TrackBack
/// sources at those addresses, in decimal, octal and hex spellings, and behind redirects from a
/// public page, are all refused and none of the listeners sees a connection. Driven by
/// Tests/Support/private_sources.py; nothing leaves the namespace.
@Suite struct PrivateSourceNamespaceTests {
    static let target = "http://harbour-notes.example/2026/03/spring-tides/"

    @Test("private, link-local, metadata and ULA sources, direct or redirected to, are refused with fault 16 and never contacted")
    func privateSourcesRefused() async throws {
        let directory = try TemporaryDirectory()
        let db = directory.file("ns.sqlite")
        try CommandLineHarness.importSample(into: db.path)
        let script = CommandLineHarness.repositoryRoot.appendingPathComponent("Tests/Support/private_sources.py")
        let run = try await onOwnThread {
            try ChildProcess.run(
                URL(fileURLWithPath: "/usr/bin/unshare"),
                ["-n", "python3", script.path, CommandLineHarness.trackwayBinary.path, db.path, Self.target]
            )
        }
        try #require(run.status == 0, "the namespace driver failed: \(run.stderr)")
        let result = try CommandLineHarness.jsonObject(run.stdout)

        // The control: a public page that links to the post is fetched and registered.
        #expect((result["control"] as? String)?.hasPrefix("Pingback from http://203.0.113.10/link") == true, "\(result["control"] ?? "")")

        let faults = try #require(result["faults"] as? [String: [Any]])
        #expect(faults.count == 20)
        for (source, fault) in faults {
            #expect(fault.first as? Int == 16, "\(source): \(fault)")
            #expect(fault.last as? String == "The source URL does not exist.", "\(source)")
        }
        let connections = try #require(result["connections"] as? [String: Int])
        #expect(connections.count == 6)
        #expect(connections.values.allSatisfy { $0 == 0 }, "\(connections)")

        // The background check of each TrackBack says why it failed, in the server's log.
        let log = try #require(result["log"] as? [String])
        #expect(log.count == 2, "\(log)")
        #expect(log.allSatisfy { $0.contains("refused to connect to an internal address") && $0.contains("left for moderation") }, "\(log)")
        let statuses = try SQLiteFile(db).query(
            "SELECT verification, status FROM comments WHERE origin = 'gateway' AND kind = 'trackback' ORDER BY id"
        )
        #expect(statuses == "failed|pending\nfailed|pending")
    }
}
