import Foundation

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
        let weekday = dayNames[positiveModulo(daysSinceEpoch(year: p.year, month: p.month, day: p.day) + 4, 7)]
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
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        return Parts(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay % 3600 / 60, second: secondOfDay % 60
        )
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date.
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
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
