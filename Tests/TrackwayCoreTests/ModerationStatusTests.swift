import Testing
import TrackwayCore

/// A comment's moderation state and WordPress's `comment_approved`, which exports carry.
@Suite struct ModerationStatusTests {
    @Test("every state is written as the comment_approved WordPress writes for it, and read back as itself")
    func wordPressApprovedRoundTrips() {
        #expect(ModerationStatus.allCases.map(\.wordPressApproved) == ["1", "0", "spam", "trash"])
        for status in ModerationStatus.allCases {
            #expect(ModerationStatus(wordPressApproved: status.wordPressApproved) == status)
        }
    }
}
