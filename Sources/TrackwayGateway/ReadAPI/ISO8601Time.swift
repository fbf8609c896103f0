import TrackwayCore

/// Times as the read API reads and writes them: ISO 8601 text (`2024-05-01T12:00:00Z`,
/// `2008-01-21T13:15:16+01:00`) and the store's UTC text (`2024-05-01 12:00:00`), through
/// seconds since 1970 in UTC.
///
/// ```swift
/// let seconds = ISO8601Time.seconds(iso8601: "2024-05-01T14:00:00+02:00")   // 1714564800
/// ISO8601Time.storedText(seconds!)                                           // "2024-05-01 12:00:00"
/// ISO8601Time.iso8601(seconds!, offset: 0)                                    // "2024-05-01T12:00:00Z"
/// ```
enum ISO8601Time {
    /// Seconds since 1970 of an ISO 8601 date or time: `YYYY-MM-DD`, optionally `T` (or a space)
    /// and `HH:MM`, `:SS` and a fraction, then `Z`, `±HH:MM`, `±HHMM` or `±HH` (UTC without one).
    /// A space where the `+` of an offset belongs is read as `+`: that is what a `+` becomes when
    /// a query string is decoded. Nil for anything else or an impossible date.
    static func seconds(iso8601 text: String) -> Int? {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
              let day = reader.number(2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        if !reader.atEnd {
            guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
                  let h = reader.number(2), reader.skip(":"), let m = reader.number(2) else { return nil }
            hour = h
            minute = m
            if reader.skip(":") {
                guard let s = reader.number(2) else { return nil }
                second = s
                if reader.skip(".") || reader.skip(",") {
                    guard reader.skipDigits() else { return nil }
                }
            }
            guard let zone = reader.zoneOffset(), reader.atEnd else { return nil }
            offset = zone
        }
        guard let local = seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second) else { return nil }
        return local - offset
    }

    /// Seconds since 1970 of the store's `YYYY-MM-DD HH:MM:SS` text, read as UTC; nil for
    /// anything else (an empty date, WordPress's `0000-00-00 00:00:00`).
    static func seconds(stored text: String) -> Int? {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
              let day = reader.number(2), reader.skip(" "), let hour = reader.number(2), reader.skip(":"),
              let minute = reader.number(2), reader.skip(":"), let second = reader.number(2), reader.atEnd else { return nil }
        return seconds(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// `seconds` as the store writes UTC times: `YYYY-MM-DD HH:MM:SS`.
    static func storedText(_ seconds: Int) -> String {
        let parts = Parts(seconds)
        return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day)) \(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
    }

    /// The instant `seconds` as ISO 8601 local time at `offset` seconds east of UTC, ending in `Z`
    /// for UTC when `zulu` (webmention.io's `wm-received`) and in `±HH:MM` otherwise.
    static func iso8601(_ seconds: Int, offset: Int, zulu: Bool = true) -> String {
        let parts = Parts(seconds + offset)
        let time = "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))"
        if offset == 0, zulu { return time + "Z" }
        let magnitude = abs(offset)
        return time + (offset < 0 ? "-" : "+") + pad(magnitude / 3600) + ":" + pad(magnitude % 3600 / 60)
    }

    /// Seconds since 1970 of a UTC calendar time; nil when a field is out of its range.
    private static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int? {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A UTC calendar time from seconds since 1970.
    private struct Parts {
        let year, month, day, hour, minute, second: Int

        init(_ seconds: Int) {
            let (days, rest) = CivilDate.split(secondsSince1970: seconds)
            hour = rest / 3_600
            minute = rest % 3_600 / 60
            second = rest % 60
            (year, month, day) = CivilDate.date(days: days)
        }
    }
}

/// Reads fixed-width ASCII numbers and separators off the front of some bytes.
private struct DigitReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { index == bytes.count }

    /// The next `width` bytes as a number, when they are all digits.
    mutating func number(_ width: Int) -> Int? {
        guard index + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + width] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += width
        return value
    }

    /// Skips `character` when it comes next.
    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
        index += 1
        return true
    }

    /// Skips one or more digits.
    mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
        return index > start
    }

    /// A zone designator's offset east of UTC in seconds: none (UTC), `Z`, or a sign (`+`, `-`,
    /// or a space for a decoded `+`) and `HH`, `HHMM` or `HH:MM` up to 18 hours.
    mutating func zoneOffset() -> Int? {
        if atEnd { return 0 }
        if skip("Z") || skip("z") { return 0 }
        let sign: Int
        if skip("+") || skip(" ") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(2) else { return nil }
        var minutes = 0
        if !atEnd {
            _ = skip(":")
            guard let m = number(2) else { return nil }
            minutes = m
        }
        guard hours <= 18, minutes <= 59 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }
}
