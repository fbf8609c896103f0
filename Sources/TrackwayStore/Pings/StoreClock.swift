import Foundation
import TrackwayCore

/// The clock the gateway's writes read, in Swift rather than in SQL, so that both engines store
/// the same text and every node compares leases and due times alike.
///
/// ```swift
/// let now = StoreClock.seconds()
/// StoreClock.text(now + 30)   // "2026-03-01 12:00:30": a due time 30 seconds from now, UTC
/// ```
enum StoreClock {
    /// The current time in whole seconds since 1970.
    static func seconds() -> Int {
        Int(Date().timeIntervalSince1970)
    }

    /// `seconds` (since 1970) as the stored time text (`YYYY-MM-DD HH:MM:SS`, UTC).
    static func text(_ seconds: Int) -> String {
        CivilDate.text(secondsSince1970: seconds)
    }
}
