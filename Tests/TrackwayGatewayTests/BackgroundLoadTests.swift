import Foundation
import NIOConcurrencyHelpers
import Testing
@testable import TrackwayGateway
import TrackwayTesting

/// Background queues (checks of stored pings, owner notifications) step back to one item at a
/// time while the server is answering several requests, and go back to full width after.
@Suite struct BackgroundLoadTests {
    @Test("the width of a background queue is the configured one while quiet, one from four requests in flight, and back after")
    func width() {
        let load = RequestLoad()
        #expect(load.backgroundConcurrency(configured: 32) == 32)
        for _ in 0..<3 { load.begin() }
        #expect(load.backgroundConcurrency(configured: 32) == 32)
        load.begin()
        #expect(load.backgroundConcurrency(configured: 32) == 1)
        #expect(load.backgroundConcurrency(configured: 0) == 0)
        load.end()
        #expect(load.backgroundConcurrency(configured: 32) == 32)
    }

    /// Items of a fake queue, counting how many are in `process` at once.
    private final class FakeQueue: Sendable {
        private struct State {
            var waiting: [Int]
            var running = 0
            var mostAtOnce = 0
        }
        private let state: NIOLockedValueBox<State>

        init(items: Int) {
            state = NIOLockedValueBox(State(waiting: Array(0..<items)))
        }

        func due(limit: Int) -> [Int] {
            state.withLockedValue { Array($0.waiting.prefix(limit)) }
        }

        func process(_ item: Int) async {
            state.withLockedValue { state in
                state.running += 1
                state.mostAtOnce = max(state.mostAtOnce, state.running)
            }
            try? await Task.sleep(for: .milliseconds(20))
            state.withLockedValue { state in
                state.running -= 1
                state.waiting.removeAll { $0 == item }
            }
        }

        var isEmpty: Bool { state.withLockedValue { $0.waiting.isEmpty } }
        var mostAtOnce: Int { state.withLockedValue { $0.mostAtOnce } }
    }

    @Test("a queue drained while requests are in flight runs one item at a time; drained while quiet, up to its concurrency")
    func pollingFollowsTheLoad() async throws {
        let folder = try TemporaryDirectory()
        var configuration = GatewayConfiguration(databasePath: folder.file("load.sqlite").path)
        configuration.queuePollSeconds = 0.05
        let gateway = try Gateway(configuration: configuration)

        func drain(_ queue: FakeQueue) async throws {
            let poller = Task {
                await gateway.pollQueue(named: "test", queue: .verifications, concurrency: 8, claim: { queue.due(limit: $0) }, id: { $0 }, process: queue.process)
            }
            while !queue.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
            poller.cancel()
            await poller.value
        }

        for _ in 0..<RequestLoad.busyThreshold { gateway.requestLoad.begin() }
        let busy = FakeQueue(items: 12)
        try await drain(busy)
        #expect(busy.mostAtOnce == 1)

        for _ in 0..<RequestLoad.busyThreshold { gateway.requestLoad.end() }
        let quiet = FakeQueue(items: 12)
        try await drain(quiet)
        #expect(quiet.mostAtOnce > 1)
        #expect(quiet.mostAtOnce <= 8)
    }
}
