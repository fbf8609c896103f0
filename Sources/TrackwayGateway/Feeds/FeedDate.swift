import TrackwayCore
import TrackwayStore

/// When a post or comment was written (its UTC time), in the forms feeds write: RSS's RFC 822
/// (`Sat, 12 Jan 2008 10:15:07 +0000`, as WordPress writes `pubDate`) and Atom's RFC 3339
/// (`2008-01-12T10:15:07Z`).
///
/// ```swift
/// let date = FeedDate(ArchiveDate(utc: "2008-01-12 10:15:07", local: ""))
/// date?.rfc822    // "Sat, 12 Jan 2008 10:15:07 +0000"
/// ```
struct FeedDate: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01 00:00:00 UTC.
    let secondsSince1970: Int
    /// `2008-01-12T10:15:07Z`.
    let rfc3339: String

    /// 1970-01-01 00:00:00, for the date a format requires when there is none.
    static let epoch = FeedDate(secondsSince1970: 0, rfc3339: "1970-01-01T00:00:00Z")

    private init(secondsSince1970: Int, rfc3339: String) {
        self.secondsSince1970 = secondsSince1970
        self.rfc3339 = rfc3339
    }

    /// The UTC time of `date`; nil when it has none (an undated draft) or it is not a time.
    init?(_ date: ArchiveDate) {
        let bytes = Array(date.utc.utf8)
        guard let rfc3339 = date.iso8601, bytes.count == 19,
              let year = Self.number(bytes, 0, 4), let month = Self.number(bytes, 5, 2), let day = Self.number(bytes, 8, 2),
              let hour = Self.number(bytes, 11, 2), let minute = Self.number(bytes, 14, 2), let second = Self.number(bytes, 17, 2),
              (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        self.init(secondsSince1970: CivilDate.days(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second, rfc3339: rfc3339)
    }

    /// `Sat, 12 Jan 2008 10:15:07 +0000`.
    var rfc822: String { String(HTTPDate.format(secondsSince1970).dropLast("GMT".count)) + "+0000" }

    /// The year, in UTC.
    var year: Int { Int(rfc3339.prefix(4)) ?? 1970 }

    static func < (lhs: FeedDate, rhs: FeedDate) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
