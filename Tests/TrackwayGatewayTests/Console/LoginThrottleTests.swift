import Testing
@testable import TrackwayGateway

/// The failed-login throttle as a value over given times (no clock): ten failures within a
/// minute close an address until the oldest is a minute old; other addresses are not touched.
@Suite struct LoginThrottleTests {
    @Test("the eleventh try within a minute is refused, and allowed again once the first failure is a minute old")
    func slidingMinute() {
        let throttle = LoginThrottle(limit: 10, windowSeconds: 60)
        for second in 0..<10 {
            #expect(throttle.allows("192.0.2.1", now: Double(second)))
            throttle.recordFailure("192.0.2.1", now: Double(second))
        }
        #expect(!throttle.allows("192.0.2.1", now: 10))
        #expect(!throttle.allows("192.0.2.1", now: 59.9))
        #expect(throttle.allows("198.51.100.1", now: 10))
        #expect(throttle.allows("192.0.2.1", now: 60))
        throttle.recordFailure("192.0.2.1", now: 60)
        #expect(!throttle.allows("192.0.2.1", now: 60.5))
    }
}
