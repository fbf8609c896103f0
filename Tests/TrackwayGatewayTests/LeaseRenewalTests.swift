import Testing
import TrackwayStore
import TrackwayTesting
@testable import TrackwayGateway

/// A node renews the leases of the queue items it is still working on (`Gateway.pollQueue`), so
/// another node on the same database does not take a slow check from it.
struct LeaseRenewalTests {
    @Test("a check that outlasts its lease more than twice over stays with its node: another node claims nothing meanwhile, and the outcome is recorded")
    func slowCheckKeepsItsLease() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("lease.sqlite").path
        try GatewayHarness.seed(path)
        var configuration = GatewayConfiguration(databasePath: path)
        configuration.queuePollSeconds = 0.05
        configuration.queueLeaseSeconds = 3
        let gateway = try Gateway(configuration: configuration)
        let otherNode = try StorePingRepository(path: path)
        defer { otherNode.close() }
        let otherLease = QueueLease(owner: "other-node", seconds: 3)
        let ping = NewPing(postID: 1, kind: .trackback, sourceURL: "http://source.example/slow", content: "<strong>T</strong>\n\nx",
                           authorIP: "192.0.2.1", status: .pending, verification: .queued)
        guard case .inserted(let id) = try await gateway.store.store(ping, resumingOn: nil) else {
            Issue.record("the ping was not stored")
            return
        }

        // The check: starts, takes 8 s (the lease is 3 s), then records its outcome under the lease.
        let (started, start) = AsyncStream.makeStream(of: Int.self)
        let (recorded, record) = AsyncStream.makeStream(of: Bool.self)
        let poller = Task {
            await gateway.pollQueue(
                named: "test", queue: .verifications, concurrency: 1,
                claim: { try await gateway.store.claimVerifications(limit: $0, lease: gateway.queueLease) }, id: \.commentID,
                process: { item in
                    start.yield(item.commentID)
                    try? await Task.sleep(for: .seconds(8))
                    let finished = try? await gateway.store.finishVerification(
                        commentID: item.commentID, linksToPost: true, sourceTitle: nil, lease: gateway.queueLease
                    )
                    record.yield(finished ?? false)
                }
            )
        }
        var startedIDs = started.makeAsyncIterator()
        #expect(await startedIDs.next() == id)
        // The other node polls all through the check, well past the first lease's end.
        var takenByOtherNode: [Int] = []
        for _ in 0..<28 {
            takenByOtherNode += try await otherNode.claimVerifications(limit: 10, lease: otherLease).map(\.commentID)
            try await Task.sleep(for: .milliseconds(250))
        }
        var outcomes = recorded.makeAsyncIterator()
        let finished = await outcomes.next()
        poller.cancel()
        await poller.value
        #expect(takenByOtherNode.isEmpty)
        #expect(finished == true)
        #expect(try await gateway.store.pings(status: .approved, receivedOnly: true, limit: 10).map(\.id) == [id])
    }
}
