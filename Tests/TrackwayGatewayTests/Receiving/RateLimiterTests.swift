import Testing
@testable import TrackwayGateway

@Suite struct RateLimiterTests {
    @Test("lets a client send its burst at once, then refuses it until tokens come back at the configured rate")
    func burstThenRate() {
        let limiter = RateLimiter(limit: RateLimit(burst: 3, perMinute: 30))
        #expect((0..<4).map { _ in limiter.allow("192.0.2.1", now: 100) } == [true, true, true, false])
        // 30 a minute: one token every 2 s.
        #expect(!limiter.allow("192.0.2.1", now: 101.9))
        #expect(limiter.allow("192.0.2.1", now: 102.1))
        #expect(!limiter.allow("192.0.2.1", now: 102.2))
    }

    @Test("keeps each client's bucket apart, and never holds more than the burst however long a client waits")
    func perClient() {
        let limiter = RateLimiter(limit: RateLimit(burst: 2, perMinute: 60))
        #expect(limiter.allow("a", now: 0) && limiter.allow("a", now: 0) && !limiter.allow("a", now: 0))
        #expect(limiter.allow("b", now: 0))
        #expect((0..<3).map { _ in limiter.allow("a", now: 3_600) } == [true, true, false])
    }

    @Test("still refuses a flooding client while thousands of others come and go")
    func manyClients() {
        let limiter = RateLimiter(limit: RateLimit(burst: 1, perMinute: 1))
        #expect(limiter.allow("flood", now: 0))
        for client in 0..<12_000 { _ = limiter.allow("c\(client)", now: 1) }
        #expect(!limiter.allow("flood", now: 2))
    }
}
