/// When something was written: the UTC time and the local text the source gave.
public struct ArchiveDate: Sendable, Equatable, Comparable {
    /// `YYYY-MM-DD HH:MM:SS` in UTC; empty when the source gave none.
    public var utc: String
    /// `YYYY-MM-DD HH:MM:SS` in the site's zone, as the source wrote it.
    public var local: String

    public init(utc: String, local: String) {
        self.utc = Self.isSet(utc) ? utc : ""
        self.local = Self.isSet(local) ? local : ""
    }

    /// The UTC time as ISO 8601 (`2026-03-16T07:30:00Z`) for `<time datetime>` and feeds; nil when
    /// there is no UTC time.
    public var iso8601: String? {
        guard utc.utf8.count == 19 else { return nil }
        return String(utc.prefix(10)) + "T" + String(utc.suffix(8)) + "Z"
    }

    public static func < (lhs: ArchiveDate, rhs: ArchiveDate) -> Bool {
        (lhs.utc, lhs.local) < (rhs.utc, rhs.local)
    }

    /// False for empty text and WordPress's zero date (`0000-00-00 00:00:00`).
    private static func isSet(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix("0000-00-00")
    }
}
