import TrackwayCore

extension ModerationStatus: SQLBindable {
    var sqlValue: SQLValue { .text(rawValue) }
}
