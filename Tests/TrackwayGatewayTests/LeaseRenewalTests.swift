import Testing
@testable import TrackwayStore
import TrackwayTesting
@testable import TrackwayGateway

/// A node renews the leases of the queue items it is still working on (`Gateway.pollQueue`), so
/// another node on the same database does not take a slow check from it.
struct LeaseRenewalTests {
    @Test("a check that outlasts its lease stays with its node: its lease is renewed, another node claims nothing when the first lease ends, and the outcome is recorded")
    func slowCheckKeepsItsLease() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("lease.sqlite").path
        try GatewayHarness.seed(path)
        var configuration = GatewayConfiguration(databasePath: path)
        configuration.queuePollSeconds = 0.05
        configuration.queueLeaseSeconds = 3
        let gateway = try Gateway(configuration: configuration)
        // Another node's connection, which claims at a time it is given.
        let otherNode = PingStore(database: try Store(path: path).database)
        let ping = NewPing(postID: 1, kind: .trackback, sourceURL: "http://source.example/slow", content: "<strong>T</strong>\n\nx",
                           authorIP: "192.0.2.1", status: .pending, verification: .queued)
        guard case .inserted(let id) = try await gateway.store.store(ping, resumingOn: nil) else {
            Issue.record("the ping was not stored")
            return
        }
        func leaseExpiry() throws -> Int? {
            try otherNode.database.statement("SELECT lease_expires FROM verification_queue WHERE comment_id = ?").firstRow(id)?.int(0)
        }

        // The check: starts, waits until the test lets it go, then records its outcome under the lease.
        let (started, start) = AsyncStream.makeStream(of: Int.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        let (recorded, record) = AsyncStream.makeStream(of: Bool.self)
        let poller = Task {
            await gateway.pollQueue(
                named: "test", queue: .verifications, concurrency: 1,
                claim: { try await gateway.store.claimVerifications(limit: $0, lease: gateway.queueLease) }, id: \.commentID,
                process: { item in
                    start.yield(item.commentID)
                    for await _ in released { break }
                    let finished = try? await gateway.store.finishVerification(
                        commentID: item.commentID, linksToPost: true, sourceTitle: nil, lease: gateway.queueLease
                    )
                    record.yield(finished ?? false)
                }
            )
        }
        var startedIDs = started.makeAsyncIterator()
        #expect(await startedIDs.next() == id)
        let claimedUntil = try #require(try leaseExpiry())
        // The node renews the lease while the check runs (a third of the lease after the claim;
        // waited for, however slowly a loaded machine gets there).
        var renewedUntil = claimedUntil
        for _ in 0..<1_200 where renewedUntil == claimedUntil {
            try await Task.sleep(for: .milliseconds(100))
            renewedUntil = try leaseExpiry() ?? claimedUntil
        }
        #expect(renewedUntil > claimedUntil)
        // When the first lease ends, the other node finds the item still taken.
        let takenByOtherNode = try otherNode.claimVerifications(limit: 10, lease: QueueLease(owner: "other-node", seconds: 3), now: claimedUntil)
        release.yield()
        var outcomes = recorded.makeAsyncIterator()
        let finished = await outcomes.next()
        poller.cancel()
        await poller.value
        #expect(takenByOtherNode.isEmpty)
        #expect(finished == true)
        #expect(try await gateway.store.pings(status: .approved, receivedOnly: true, limit: 10).map(\.id) == [id])
    }
}
