import Testing
@testable import TrackwayGateway

@Suite struct ReceivedPingOutcomeTests {
    @Test("every pingback fault is counted under a series made up front: 48 as a duplicate, 429 as a rate limit, the others by code")
    func everyFaultHasItsSeries() {
        let faults: [PingbackFault] = [
            .generic("same page"), .sourceDoesNotExist, .sourceHasNoLink, .targetDoesNotExist, .targetCannotBeUsed, .alreadyRegistered, .rateLimited,
        ]
        let made = ReceivedPingOutcome.all(for: .pingback)
        for fault in faults {
            #expect(made.contains(ReceivedPingOutcome(fault)), "\(fault)")
        }
        #expect(ReceivedPingOutcome(PingbackFault.alreadyRegistered) == .duplicate)
        #expect(ReceivedPingOutcome(PingbackFault.rateLimited) == .rateLimited)
        #expect(ReceivedPingOutcome(PingbackFault.sourceHasNoLink).label == "fault_17")
    }
}
