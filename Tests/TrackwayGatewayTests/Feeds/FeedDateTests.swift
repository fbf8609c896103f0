import Testing
import TrackwayStore
@testable import TrackwayGateway

@Suite struct FeedDateTests {
    private func feedDate(_ utc: String) -> FeedDate? {
        FeedDate(ArchiveDate(utc: utc, local: ""))
    }

    @Test("writes a stored UTC time as RSS and Atom dates, with the right weekday")
    func formats() throws {
        let date = try #require(feedDate("2008-01-12 10:15:07"))
        #expect(date.rfc822 == "Sat, 12 Jan 2008 10:15:07 +0000")
        #expect(date.rfc3339 == "2008-01-12T10:15:07Z")
        #expect(date.year == 2008)
        // Weekdays across a leap day, the epoch, a century rule and this year.
        #expect(feedDate("2000-02-29 00:00:00")?.rfc822 == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(feedDate("1970-01-01 00:00:00")?.rfc822 == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(feedDate("1900-03-01 23:59:59")?.rfc822 == "Thu, 01 Mar 1900 23:59:59 +0000")
        #expect(feedDate("2026-12-05 20:00:00")?.rfc822 == "Sat, 05 Dec 2026 20:00:00 +0000")
    }

    @Test("reads no date from WordPress's zero date, an empty one or garbage, and orders dates in time")
    func refusesNonDates() throws {
        for text in ["0000-00-00 00:00:00", "2008-13-01 00:00:00", "2008-01-12", "", "2008-01-12 10:15:0x"] {
            #expect(feedDate(text) == nil, "\(text)")
        }
        let earlier = try #require(feedDate("2019-07-04 08:09:10"))
        let later = try #require(feedDate("2019-07-04 08:09:11"))
        #expect(earlier < later && !(later < earlier))
    }
}
