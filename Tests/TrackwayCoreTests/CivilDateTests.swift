import Foundation
import Testing
import TrackwayCore

@Suite struct CivilDateTests {
    /// Foundation's Gregorian calendar in UTC, an independent reckoning of the same dates.
    private static func foundationDays(_ year: Int, _ month: Int, _ day: Int) throws -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let date = try #require(calendar.date(from: DateComponents(year: year, month: month, day: day)))
        return Int(date.timeIntervalSince1970) / 86_400
    }

    @Test("days since 1970 agree with Foundation's calendar across leap days, centuries and the epoch, and go back to the same date")
    func daysAndBack() throws {
        let dates = [(1970, 1, 1), (1969, 12, 31), (2000, 2, 29), (1900, 3, 1), (2100, 2, 28), (1600, 2, 29), (2009, 1, 15), (2038, 1, 19), (1601, 1, 1)]
        for (year, month, day) in dates {
            let days = CivilDate.days(year: year, month: month, day: day)
            #expect(days == (try Self.foundationDays(year, month, day)), "\(year)-\(month)-\(day)")
            #expect(CivilDate.date(days: days) == (year, month, day), "\(year)-\(month)-\(day)")
        }
    }

    @Test("an instant's WordPress text, before and after the epoch; month lengths with the leap-year rule")
    func textAndMonths() {
        #expect(CivilDate.text(secondsSince1970: 1_232_011_800) == "2009-01-15 09:30:00")
        #expect(CivilDate.text(secondsSince1970: -1) == "1969-12-31 23:59:59")
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29 && CivilDate.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2024) == 29 && CivilDate.daysIn(month: 4, year: 2024) == 30)
    }

    @Test("WordPress's text reads back as the instant it was written from; any other text is refused")
    func textReadBack() {
        for seconds in [0, 1_232_011_800, -1, 951_782_400, 4_102_444_799] {
            #expect(CivilDate.secondsSince1970(CivilDate.text(secondsSince1970: seconds)) == seconds, "\(seconds)")
        }
        for text in ["", "2009-01-15", "2009-01-15T09:30:00", "2009-02-29 00:00:00", "2009-13-01 00:00:00", "2009-01-15 24:00:00", "2009-01-15 09:3a:00"] {
            #expect(CivilDate.secondsSince1970(text) == nil, "\(text)")
        }
    }
}
