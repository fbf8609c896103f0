import Foundation
import TrackwayCore

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
        guard day >= 1, day <= CivilDate.daysIn(month: month, year: year) else { return nil }
        let naive = CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
        local = CivilDate.text(secondsSince1970: naive)
        // The zone's offset at that local time: asked once at the naive instant, then again at
        // the corrected one so days that change offset (daylight saving) land right.
        var offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
        offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - offset)))
        utc = CivilDate.text(secondsSince1970: naive - offset)
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
