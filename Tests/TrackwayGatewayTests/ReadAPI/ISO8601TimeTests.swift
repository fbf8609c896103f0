import Testing
@testable import TrackwayGateway

/// ISO 8601 times read and written by the read API.
@Suite struct ISO8601TimeTests {
    /// 2024-05-01T12:00:00Z, counted independently: 19,844 days after 1970-01-01.
    private static let noonUTC = 19_844 * 86_400 + 12 * 3_600

    @Test(arguments: [
        "2024-05-01T12:00:00Z", "2024-05-01T12:00:00z", "2024-05-01T12:00:00", "2024-05-01 12:00:00", "2024-05-01T12:00Z",
        "2024-05-01T14:00:00+02:00", "2024-05-01T14:00:00+0200", "2024-05-01T14:00:00+02", "2024-05-01T14:00:00 02:00",
        "2024-05-01T07:30:00-04:30", "2024-05-01T12:00:00.123456Z", "2024-05-01T12:00:00,5Z",
    ])
    func everyFormOfOneInstantReadsTheSame(text: String) {
        #expect(ISO8601Time.seconds(iso8601: text) == Self.noonUTC)
    }

    @Test func aDateAloneIsItsMidnightInUTC() {
        #expect(ISO8601Time.seconds(iso8601: "2024-05-01") == Self.noonUTC - 12 * 3_600)
        #expect(ISO8601Time.seconds(iso8601: "1970-01-01") == 0)
        #expect(ISO8601Time.seconds(iso8601: "1969-12-31T23:59:59Z") == -1)
    }

    @Test(arguments: [
        "", "2024", "2024-5-1", "2024-02-30", "2023-02-29T00:00:00Z", "2024-04-31", "2024-05-01T24:00:00Z", "2024-05-01T12:60Z",
        "2024-05-01T12:00:00+19:00", "2024-05-01T12:00:00+02:60", "2024-05-01T12:00:00.Z", "2024-05-01T12:00:00Zjunk",
        "2024-05-01X12:00:00", "yesterday", "２０２４-05-01",
    ])
    func anythingElseIsNoTime(text: String) {
        #expect(ISO8601Time.seconds(iso8601: text) == nil)
    }

    @Test func leapDaysExistInLeapYearsOnly() {
        #expect(ISO8601Time.seconds(iso8601: "2024-02-29") != nil)
        #expect(ISO8601Time.seconds(iso8601: "2000-02-29") != nil)
        #expect(ISO8601Time.seconds(iso8601: "1900-02-29") == nil)
    }

    @Test func storedTimesReadAndWriteBack() {
        #expect(ISO8601Time.seconds(stored: "2024-05-01 12:00:00") == Self.noonUTC)
        #expect(ISO8601Time.storedText(Self.noonUTC) == "2024-05-01 12:00:00")
        #expect(ISO8601Time.seconds(stored: "0000-00-00 00:00:00") == nil)
        #expect(ISO8601Time.seconds(stored: "") == nil)
        #expect(ISO8601Time.seconds(stored: "2024-05-01T12:00:00") == nil)
        for seconds in [0, -1, 951_782_400, 4_102_444_799, Self.noonUTC] {
            #expect(ISO8601Time.seconds(stored: ISO8601Time.storedText(seconds)) == seconds)
        }
    }

    @Test func instantsAreWrittenInUTCOrAtTheirOffset() {
        #expect(ISO8601Time.iso8601(Self.noonUTC, offset: 0) == "2024-05-01T12:00:00Z")
        #expect(ISO8601Time.iso8601(Self.noonUTC, offset: 0, zulu: false) == "2024-05-01T12:00:00+00:00")
        #expect(ISO8601Time.iso8601(Self.noonUTC, offset: 2 * 3_600) == "2024-05-01T14:00:00+02:00")
        #expect(ISO8601Time.iso8601(Self.noonUTC, offset: -(9 * 3_600 + 30 * 60)) == "2024-05-01T02:30:00-09:30")
    }
}
