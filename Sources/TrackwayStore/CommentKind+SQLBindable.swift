import TrackwayCore

extension CommentKind: SQLBindable {
    public var sqlValue: SQLValue { .text(rawValue) }
}
