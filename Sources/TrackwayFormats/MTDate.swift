import Foundation

/// A Movable Type `DATE` value (`MM/DD/YYYY hh:mm:ss AM|PM`, local time, no zone) converted to
/// WordPress's `YYYY-MM-DD HH:MM:SS` form, local and UTC.
///
/// ```swift
/// let date = MTDate("01/31/2002 03:31:05 PM", timeZone: paris)
/// date?.local   // "2002-01-31 15:31:05"
/// date?.utc     // "2002-01-31 14:31:05"
/// ```
///
/// AM/PM is optional and read in any case (Movable Type itself ignores a lowercase `pm`);
/// without it the hour is on a 24-hour clock. A two-digit year is 19xx, as in Movable Type.
struct MTDate: Equatable {
    var local: String
    var utc: String

    /// nil when `text` is not a valid date in that form.
    init?(_ text: String, timeZone: TimeZone) {
        let pattern = /\s*(\d{1,2})\/(\d{1,2})\/(\d{2,4})\s+(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\s*([AaPp][Mm]))?\s*/
        guard
            let match = text.wholeMatch(of: pattern),
            let month = Int(match.1), let day = Int(match.2), var year = Int(match.3),
            var hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6)
        else { return nil }
        if match.3.count == 2 { year += 1900 }
        if let meridiem = match.7?.lowercased() {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "pm", hour < 12 { hour += 12 }
            if meridiem == "am", hour == 12 { hour = 0 }
        }
        guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard
            let days = calendar.range(of: .day, in: .month, for: calendar.date(from: DateComponents(year: year, month: month)) ?? Date()),
            days.contains(day),
            let instant = calendar.date(from: components)
        else { return nil }
        local = Self.format(year, month, day, hour, minute, second)
        var utcCalendar = Calendar(identifier: .gregorian)
        utcCalendar.timeZone = TimeZone(identifier: "UTC") ?? timeZone
        let utcParts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        utc = Self.format(
            utcParts.year ?? year, utcParts.month ?? month, utcParts.day ?? day,
            utcParts.hour ?? hour, utcParts.minute ?? minute, utcParts.second ?? second
        )
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }
}
