/// Proleptic Gregorian calendar arithmetic in integers (Howard Hinnant's `days_from_civil` and
/// `civil_from_days`): no formatter, no locale, no time zone, any year.
///
/// ```swift
/// CivilDate.days(year: 2009, month: 1, day: 15)        // 14259
/// CivilDate.text(secondsSince1970: 1_232_011_800)     // "2009-01-15 09:30:00"
/// ```
public enum CivilDate {
    /// Days from 1970-01-01 to the date; negative before it.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01.
    public static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Whole days since 1970-01-01 (rounded down) and the second of the day, of an instant.
    public static func split(secondsSince1970 seconds: Int) -> (days: Int, secondOfDay: Int) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (days, seconds - days * 86_400)
    }

    /// The number of days in `month` (1 to 12) of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The `YYYY-MM-DD HH:MM:SS` text WordPress stores dates in, of an instant.
    public static func text(secondsSince1970 seconds: Int) -> String {
        let (days, rest) = split(secondsSince1970: seconds)
        let (year, month, day) = date(days: days)
        // Written digit by digit: the text is made for every date of a large import, and eleven
        // string concatenations cost more than the calendar arithmetic.
        if (0...9999).contains(year) {
            return String(unsafeUninitializedCapacity: 19) { buffer in
                // `value` as `width` digits ending before `end`, then `separator` at `end`.
                func put(_ value: Int, width: Int, end: Int, separator: UInt8?) {
                    var remaining = value
                    for index in stride(from: end - 1, through: end - width, by: -1) {
                        buffer[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                        remaining /= 10
                    }
                    if let separator { buffer[end] = separator }
                }
                put(year, width: 4, end: 4, separator: UInt8(ascii: "-"))
                put(month, width: 2, end: 7, separator: UInt8(ascii: "-"))
                put(day, width: 2, end: 10, separator: UInt8(ascii: " "))
                put(rest / 3600, width: 2, end: 13, separator: UInt8(ascii: ":"))
                put(rest / 60 % 60, width: 2, end: 16, separator: UInt8(ascii: ":"))
                put(rest % 60, width: 2, end: 19, separator: nil)
                return 19
            }
        }
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + twoDigits(month) + "-" + twoDigits(day)
            + " " + twoDigits(rest / 3600) + ":" + twoDigits(rest / 60 % 60) + ":" + twoDigits(rest % 60)
    }

    /// The instant of a `YYYY-MM-DD HH:MM:SS` text (UTC, as `text(secondsSince1970:)` writes it),
    /// in seconds since 1970; nil for any other text.
    public static func secondsSince1970(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":") else { return nil }
        func number(_ start: Int, _ length: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + length] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), hour < 24, minute < 60, second < 60
        else { return nil }
        return days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// `value` (0 to 99) in two digits.
    public static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}
