import TrackwayCore

extension ModerationStatus: SQLBindable {
    public var sqlValue: SQLValue { .text(rawValue) }
}
