import Testing
@testable import TrackwayGateway

/// The request log line's duration field.
@Suite struct RequestLogTests {
    @Test("a request's duration is logged in milliseconds with two decimals, rounded down", arguments: [
        (Duration.zero, "0.00"),
        (.microseconds(9), "0.00"),
        (.microseconds(50), "0.05"),
        (.microseconds(1_239), "1.23"),
        (.milliseconds(20), "20.00"),
        (.seconds(2) + .microseconds(70), "2000.07"),
        (.seconds(12) + .milliseconds(345) + .microseconds(678), "12345.67"),
    ])
    func duration(_ duration: Duration, logged: String) {
        #expect(GatewayResponder.milliseconds(duration) == logged)
    }
}
