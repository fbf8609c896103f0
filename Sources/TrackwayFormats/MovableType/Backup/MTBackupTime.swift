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
        // The 14 digits read as one number (below 10^14), then cut into fields: no array a time.
        let digits = text.trimmingWhitespace().utf8
        guard digits.count == 14 else { return nil }
        var number = 0
        for digit in digits {
            guard digit >= 0x30 && digit <= 0x39 else { return nil }
            number = number * 10 + Int(digit - 0x30)
        }
        func field(_ scale: Int, _ modulus: Int) -> Int { number / scale % modulus }
        let (year, month, day) = (number / 10_000_000_000, field(100_000_000, 100), field(1_000_000, 100))
        let (hour, minute, second) = (field(10_000, 100), field(100, 100), number % 100)
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
