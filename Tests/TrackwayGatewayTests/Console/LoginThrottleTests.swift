import Foundation
import Testing
import TrackwayStore
import TrackwayTesting
@testable import TrackwayGateway

/// The failed-login throttle over given times, on each engine: ten failures within a minute
/// close an address until the oldest is a minute old; other addresses are not touched; and two
/// throttles on one database (two nodes) count together.
@Suite struct LoginThrottleTests {
    /// `seconds` after a fixed moment.
    static func at(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: 1_800_000_000 + seconds)
    }

    @Test("the eleventh try within a minute is refused, and allowed again once the first failure is a minute old", arguments: StoreEngine.tested)
    func slidingMinute(engine: StoreEngine) async throws {
        let target = try TemporaryStore(engine)
        let repository = try StorePingRepository(location: target.location)
        defer { repository.close() }
        let throttle = LoginThrottle(repository: StoreConsoleRepository(sharingConnectionsOf: repository), limit: 10, windowSeconds: 60)
        for second in 0..<10 {
            #expect(try await throttle.allows("192.0.2.1", now: Self.at(Double(second))))
            try await throttle.recordFailure("192.0.2.1", now: Self.at(Double(second)))
        }
        #expect(try await !throttle.allows("192.0.2.1", now: Self.at(10)))
        #expect(try await !throttle.allows("192.0.2.1", now: Self.at(59.9)))
        #expect(try await throttle.allows("198.51.100.1", now: Self.at(10)))
        #expect(try await throttle.allows("192.0.2.1", now: Self.at(60)))
        try await throttle.recordFailure("192.0.2.1", now: Self.at(60))
        #expect(try await !throttle.allows("192.0.2.1", now: Self.at(60.5)))
    }

    @Test("failures through two nodes' throttles on one database count together, and old ones are forgotten", arguments: StoreEngine.tested)
    func sharedAcrossNodes(engine: StoreEngine) async throws {
        let target = try TemporaryStore(engine)
        let nodes = try (0..<2).map { _ in try StorePingRepository(location: target.location) }
        defer { for node in nodes { node.close() } }
        let throttles = nodes.map { LoginThrottle(repository: StoreConsoleRepository(sharingConnectionsOf: $0), limit: 10, windowSeconds: 60) }
        for attempt in 0..<10 {
            try await throttles[attempt % 2].recordFailure("192.0.2.1", now: Self.at(Double(attempt)))
        }
        #expect(try await !throttles[0].allows("192.0.2.1", now: Self.at(11)))
        #expect(try await !throttles[1].allows("192.0.2.1", now: Self.at(11)))
        // A failure an hour later forgets the ones that left the window, every address's.
        try await throttles[0].recordFailure("198.51.100.1", now: Self.at(3_600))
        let console = StoreConsoleRepository(sharingConnectionsOf: nodes[1])
        #expect(try await console.loginFailures(from: "192.0.2.1", after: 0) == 0)
        #expect(try await console.loginFailures(from: "198.51.100.1", after: 0) == 1)
    }
}
