import Foundation

/// A moment in UTC, to the second, read from the store's `YYYY-MM-DD HH:MM:SS` text or an HTTP
/// date, and written in the forms feeds and HTTP use: RSS's RFC 822
/// (`Sat, 12 Jan 2008 10:15:07 +0000`), Atom's RFC 3339 (`2008-01-12T10:15:07Z`) and HTTP's
/// IMF-fixdate (`Sat, 12 Jan 2008 10:15:07 GMT`).
///
/// ```swift
/// let date = FeedDate(storedUTC: "2008-01-12 10:15:07")
/// date?.rfc822    // "Sat, 12 Jan 2008 10:15:07 +0000"
/// ```
///
/// Converted by hand (Howard Hinnant's civil-day algorithms): Foundation's date formatters cost
/// more than the rest of a cached answer.
struct FeedDate: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01 00:00:00 UTC.
    let secondsSince1970: Int64

    /// 1970-01-01 00:00:00, for the date a format requires when there is none.
    static let epoch = FeedDate(secondsSince1970: 0)

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    init(secondsSince1970: Int64) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The current second.
    static func now() -> FeedDate {
        FeedDate(secondsSince1970: Int64(Date().timeIntervalSince1970))
    }

    /// Reads `2008-01-12 10:15:07` (a `T` and a trailing `Z` are taken too); nil for anything
    /// else, WordPress's `0000-00-00 00:00:00` of an undated draft included.
    init?(storedUTC text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = Self.number(bytes, 0, 4), let month = Self.number(bytes, 5, 2), let day = Self.number(bytes, 8, 2),
              let hour = Self.number(bytes, 11, 2), let minute = Self.number(bytes, 14, 2), let second = Self.number(bytes, 17, 2)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// Reads an HTTP date in IMF-fixdate form (`Sat, 12 Jan 2008 10:15:07 GMT`), the form this
    /// server sends in `Last-Modified` and so the form a client sends back; nil otherwise.
    init?(httpDate text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 29, bytes[3] == UInt8(ascii: ","), text.hasSuffix(" GMT"),
              bytes[19] == UInt8(ascii: ":"), bytes[22] == UInt8(ascii: ":"),
              let day = Self.number(bytes, 5, 2),
              let month = Self.months.firstIndex(of: String(decoding: bytes[8..<11], as: UTF8.self)),
              let year = Self.number(bytes, 12, 4),
              let hour = Self.number(bytes, 17, 2), let minute = Self.number(bytes, 20, 2), let second = Self.number(bytes, 23, 2)
        else { return nil }
        self.init(year: year, month: month + 1, day: day, hour: hour, minute: minute, second: second)
    }

    private init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard year >= 1, (1...12).contains(month), (1...31).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = Self.days(year: year, month: month, day: day)
        secondsSince1970 = Int64(days) * 86_400 + Int64(hour * 3_600 + minute * 60 + second)
    }

    /// `Sat, 12 Jan 2008 10:15:07 +0000`, as WordPress writes `pubDate` and `lastBuildDate`.
    var rfc822: String { "\(weekdayAndDate) \(time) +0000" }

    /// `Sat, 12 Jan 2008 10:15:07 GMT`, for `Last-Modified`.
    var httpDate: String { "\(weekdayAndDate) \(time) GMT" }

    /// `2008-01-12T10:15:07Z`, for Atom and Dublin Core dates.
    var rfc3339: String {
        let (year, month, day) = civil
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))T\(time)Z"
    }

    /// The year, in UTC.
    var year: Int { civil.year }

    static func < (lhs: FeedDate, rhs: FeedDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    private var dayNumber: Int64 {
        secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400
    }

    private var weekdayAndDate: String {
        let (year, month, day) = civil
        let weekday = Int(((dayNumber % 7) + 7) % 7)
        return "\(Self.weekdays[weekday]), \(Self.padded(day, 2)) \(Self.months[month - 1]) \(Self.padded(year, 4))"
    }

    private var time: String {
        let seconds = Int(secondsSince1970 - dayNumber * 86_400)
        return "\(Self.padded(seconds / 3_600, 2)):\(Self.padded(seconds / 60 % 60, 2)):\(Self.padded(seconds % 60, 2))"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (days-from-civil).
    private static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of `dayNumber` (civil-from-days).
    private var civil: (year: Int, month: Int, day: Int) {
        let shifted = Int(dayNumber) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
