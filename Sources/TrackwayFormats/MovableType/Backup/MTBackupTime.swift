/// A Movable Type backup timestamp: 14 digits, `YYYYMMDDhhmmss`, in the blog's local time,
/// converted to WordPress's `YYYY-MM-DD HH:MM:SS` local text and its UTC by the blog's
/// `server_offset` (hours east of UTC, possibly fractional: `5.5`, `-3.5`, `5.75`).
///
/// ```swift
/// let time = MTBackupTime("20090115093000", offsetSeconds: 19_800)
/// time?.local   // "2009-01-15 09:30:00"
/// time?.utc     // "2009-01-15 04:00:00"
/// ```
struct MTBackupTime: Equatable {
    var local: String
    var utc: String

    /// nil unless `text` is 14 digits forming a valid date and time.
    init?(_ text: String, offsetSeconds: Int) {
        let digits = Array(text.trimmingWhitespace().utf8)
        guard digits.count == 14, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        func number(_ from: Int, _ count: Int) -> Int {
            digits[from..<from + count].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        let (year, month, day) = (number(0, 4), number(4, 2), number(6, 2))
        let (hour, minute, second) = (number(8, 2), number(10, 2), number(12, 2))
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = Self.daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        local = Self.text(secondsSinceEpoch: seconds)
        utc = Self.text(secondsSinceEpoch: seconds - offsetSeconds)
    }

    /// `server_offset` in seconds (`5.5` is 19,800); nil when it is not a number of hours within a day.
    static func offsetSeconds(_ serverOffset: String) -> Int? {
        guard let hours = Double(serverOffset.trimmingWhitespace()), hours.isFinite, abs(hours) < 24 else { return nil }
        return Int((hours * 3600).rounded())
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func text(secondsSinceEpoch seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        // civil_from_days
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + two(month) + "-" + two(day)
            + " " + two(rest / 3600) + ":" + two(rest / 60 % 60) + ":" + two(rest % 60)
    }
}
