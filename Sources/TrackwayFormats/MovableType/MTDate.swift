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
        // Parsed by hand: a Regex literal is compiled again on every call, which dominated imports.
        var scanner = MTDateScanner(text)
        guard
            let month = scanner.number(digits: 1...2), scanner.skip("/"),
            let day = scanner.number(digits: 1...2), scanner.skip("/"),
            let (yearValue, yearDigits) = scanner.numberWithLength(digits: 2...4), scanner.skipSpaces(required: true),
            var hour = scanner.number(digits: 1...2), scanner.skip(":"),
            let minute = scanner.number(digits: 1...2), scanner.skip(":"),
            let second = scanner.number(digits: 1...2)
        else { return nil }
        _ = scanner.skipSpaces(required: false)
        let meridiem = scanner.meridiem()
        _ = scanner.skipSpaces(required: false)
        guard scanner.isAtEnd else { return nil }
        var year = yearValue
        if yearDigits == 2 { year += 1900 }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == .pm, hour < 12 { hour += 12 }
            if meridiem == .am, hour == 12 { hour = 0 }
        }
        guard (1...12).contains(month), (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        guard day >= 1, day <= Self.daysInMonth(month, year: year) else { return nil }
        local = Self.format(year, month, day, hour, minute, second)
        // The zone's offset at that local time: asked once at the naive instant, then again at
        // the corrected one so days that change offset (daylight saving) land right.
        let naive = Self.daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second
        var offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
        offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - offset)))
        let instant = naive - offset
        let days = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
        let seconds = instant - days * 86_400
        let (utcYear, utcMonth, utcDay) = Self.civilFromDays(days)
        utc = Self.format(utcYear, utcMonth, utcDay, seconds / 3_600, seconds % 3_600 / 60, seconds % 60)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysFromCivil`.
    private static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
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

    private static func format(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day)) \(two(hour)):\(two(minute)):\(two(second))"
    }
}

/// Reads the parts of an MT date left to right over its bytes.
private struct MTDateScanner {
    enum Meridiem { case am, pm }

    private let bytes: [UInt8]
    private var position: Int

    init(_ text: String) {
        bytes = Array(text.utf8)
        position = 0
        _ = skipSpaces(required: false)
    }

    var isAtEnd: Bool { position == bytes.count }

    mutating func numberWithLength(digits: ClosedRange<Int>) -> (Int, Int)? {
        let start = position
        var value = 0
        while position < bytes.count, position - start < digits.upperBound, (0x30...0x39).contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - 0x30)
            position += 1
        }
        let length = position - start
        if position < bytes.count, (0x30...0x39).contains(bytes[position]) { return nil }
        return digits.contains(length) ? (value, length) : nil
    }

    mutating func number(digits: ClosedRange<Int>) -> Int? {
        numberWithLength(digits: digits)?.0
    }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard position < bytes.count, bytes[position] == UInt8(character.value) else { return false }
        position += 1
        return true
    }

    mutating func skipSpaces(required: Bool) -> Bool {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return !required || position > start
    }

    /// AM or PM in any case, nil (consuming nothing) when absent.
    mutating func meridiem() -> Meridiem? {
        guard position + 1 < bytes.count, bytes[position + 1] | 0x20 == UInt8(ascii: "m") else { return nil }
        let result: Meridiem
        switch bytes[position] | 0x20 {
        case UInt8(ascii: "a"): result = .am
        case UInt8(ascii: "p"): result = .pm
        default: return nil
        }
        position += 2
        return result
    }
}
