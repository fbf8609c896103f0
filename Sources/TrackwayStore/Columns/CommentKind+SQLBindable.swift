import TrackwayCore

extension CommentKind: SQLBindable {
    var sqlValue: SQLValue { .text(rawValue) }
}
