import Testing
@testable import TrackwayGateway

@Suite struct FeedDateTests {
    @Test("writes a stored UTC time as RSS, Atom and HTTP dates, with the right weekday")
    func formats() throws {
        let date = try #require(FeedDate(storedUTC: "2008-01-12 10:15:07"))
        #expect(date.rfc822 == "Sat, 12 Jan 2008 10:15:07 +0000")
        #expect(date.rfc3339 == "2008-01-12T10:15:07Z")
        #expect(date.httpDate == "Sat, 12 Jan 2008 10:15:07 GMT")
        // Weekdays across a leap day, the epoch, a century rule and this year.
        #expect(FeedDate(storedUTC: "2000-02-29 00:00:00")?.rfc822 == "Tue, 29 Feb 2000 00:00:00 +0000")
        #expect(FeedDate(storedUTC: "1970-01-01T00:00:00Z")?.rfc822 == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(FeedDate(storedUTC: "1900-03-01 23:59:59")?.rfc822 == "Thu, 01 Mar 1900 23:59:59 +0000")
        #expect(FeedDate(storedUTC: "2026-12-05 20:00:00")?.rfc822 == "Sat, 05 Dec 2026 20:00:00 +0000")
    }

    @Test("reads no date from WordPress's zero date, a local date or garbage")
    func refusesNonDates() {
        for text in ["0000-00-00 00:00:00", "2008-13-01 00:00:00", "2008-01-12", "12/01/2008 10:15:07", "2008-01-12 10:15:0x", ""] {
            #expect(FeedDate(storedUTC: text) == nil, "\(text)")
        }
    }

    @Test("reads back the HTTP date it writes, and orders dates in time")
    func httpDateRoundTrip() throws {
        let date = try #require(FeedDate(storedUTC: "2019-07-04 08:09:10"))
        #expect(FeedDate(httpDate: date.httpDate) == date)
        #expect(FeedDate(httpDate: "Thursday, 04-Jul-19 08:09:10 GMT") == nil)
        #expect(FeedDate(httpDate: "Thu, 04 Jul 2019 08:09:10 +0000") == nil)
        let later = try #require(FeedDate(storedUTC: "2019-07-04 08:09:11"))
        #expect(date < later && !(later < date))
    }
}
