import TrackwayCore

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
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        let seconds = CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
        local = CivilDate.text(secondsSince1970: seconds)
        utc = CivilDate.text(secondsSince1970: seconds - offsetSeconds)
    }

    /// `server_offset` in seconds (`5.5` is 19,800); nil when it is not a number of hours within a day.
    static func offsetSeconds(_ serverOffset: String) -> Int? {
        guard let hours = Double(serverOffset.trimmingWhitespace()), hours.isFinite, abs(hours) < 24 else { return nil }
        return Int((hours * 3600).rounded())
    }
}
