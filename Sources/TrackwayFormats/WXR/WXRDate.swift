import Foundation
import TrackwayCore

/// The date texts a WXR file carries, computed with calendar arithmetic (proleptic Gregorian,
/// UTC) so no formatter, locale or time-zone database is involved.
enum WXRDate {
    /// What WordPress writes as an item's `pubDate` when the post's GMT date is unset.
    static let unsetRSSDate = "Wed, 30 Nov -0001 00:00:00 +0000"

    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `D, d M Y H:i:s +0000` for a WordPress UTC date (`YYYY-MM-DD HH:MM:SS`), or
    /// `unsetRSSDate` when the text is empty, the zero date, or not a date at all.
    static func rssDate(wordPressGMT text: String) -> String {
        guard let parts = parse(text) else { return unsetRSSDate }
        return rssDate(parts)
    }

    /// `D, d M Y H:i:s +0000` for an instant.
    static func rssDate(_ date: Date) -> String {
        rssDate(parts(of: date))
    }

    /// `Y-m-d H:i` in UTC, the form of the generator comment's `created` attribute.
    static func generatorStamp(_ date: Date) -> String {
        let p = parts(of: date)
        return "\(fourDigits(p.year))-\(twoDigits(p.month))-\(twoDigits(p.day)) \(twoDigits(p.hour)):\(twoDigits(p.minute))"
    }

    private struct Parts {
        var year: Int
        var month: Int
        var day: Int
        var hour: Int
        var minute: Int
        var second: Int
    }

    private static func rssDate(_ p: Parts) -> String {
        let weekday = dayNames[positiveModulo(CivilDate.days(year: p.year, month: p.month, day: p.day) + 4, 7)]
        return "\(weekday), \(twoDigits(p.day)) \(monthNames[p.month - 1]) \(fourDigits(p.year)) "
            + "\(twoDigits(p.hour)):\(twoDigits(p.minute)):\(twoDigits(p.second)) +0000"
    }

    /// Reads `YYYY-MM-DD HH:MM:SS`; nil for anything else, the zero date included.
    private static func parse(_ text: String) -> Parts? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              year > 0, (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        return Parts(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    private static func parts(of date: Date) -> Parts {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = CivilDate.split(secondsSince1970: seconds)
        let (year, month, day) = CivilDate.date(days: days)
        return Parts(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60
        )
    }

    private static func positiveModulo(_ a: Int, _ b: Int) -> Int {
        (a % b + b) % b
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    private static func fourDigits(_ value: Int) -> String {
        let digits = String(value)
        return digits.count >= 4 ? digits : String(repeating: "0", count: 4 - digits.count) + digits
    }
}
