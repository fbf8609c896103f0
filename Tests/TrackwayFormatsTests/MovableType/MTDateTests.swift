import Foundation
import Testing
@testable import TrackwayFormats

@Suite("Movable Type dates")
struct MTDateTests {
    let utc = TimeZone(identifier: "UTC") ?? .current

    @Test("12 AM is midnight, 12 PM is noon, and a 24-hour time needs no suffix")
    func meridiem() {
        #expect(MTDate("01/31/2002 12:31:05 AM", timeZone: utc)?.local == "2002-01-31 00:31:05")
        #expect(MTDate("01/31/2002 12:31:05 PM", timeZone: utc)?.local == "2002-01-31 12:31:05")
        #expect(MTDate("1/5/2002 23:01:02", timeZone: utc)?.local == "2002-01-05 23:01:02")
    }

    @Test("a two-digit year is 19xx, as in Movable Type")
    func twoDigitYear() {
        #expect(MTDate("01/31/02 03:31:05 PM", timeZone: utc)?.local == "1902-01-31 15:31:05")
    }

    @Test("impossible dates and times are rejected")
    func invalid() {
        for text in ["02/30/2020 10:00:00", "13/01/2020 10:00:00", "01/01/2020 13:00:00 PM", "01/01/2020 10:60:00", "yesterday", ""] {
            #expect(MTDate(text, timeZone: utc) == nil, "\(text)")
        }
    }

    @Test("UTC follows the zone's offset on that date, daylight saving included")
    func daylightSaving() throws {
        let paris = try #require(TimeZone(identifier: "Europe/Paris"))
        #expect(MTDate("07/01/2020 12:00:00", timeZone: paris)?.utc == "2020-07-01 10:00:00")
        #expect(MTDate("12/01/2020 12:00:00", timeZone: paris)?.utc == "2020-12-01 11:00:00")
    }

    @Test("UTC may fall on the previous day, year or a leap day")
    func crossesMidnight() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        #expect(MTDate("01/01/2021 05:00:00 AM", timeZone: tokyo)?.utc == "2020-12-31 20:00:00")
        #expect(MTDate("03/01/2020 08:00:00", timeZone: tokyo)?.utc == "2020-02-29 23:00:00")
        #expect(MTDate("02/29/2021 08:00:00", timeZone: tokyo) == nil)
    }
}
