import TrackwayCore

/// One page of the console's queue: which pings (status, kind, site, a search text) and which
/// page of them, newest first.
///
/// ```swift
/// var query = ConsoleQuery()                 // pending pings of every kind and site, page 1
/// query.kind = .trackback
/// query.search = "casino"                    // author, blog name, source URL, IP or text
/// ```
public struct ConsoleQuery: Sendable, Equatable {
    /// Nil for every status (the "all" view).
    public var status: ModerationStatus? = .pending
    /// Nil for trackbacks, pingbacks and webmentions together; `.comment` lists the comments.
    public var kind: CommentKind?
    /// A site's database id; nil for every site.
    public var site: Int?
    /// Matched case-insensitively as a part of the author, blog name, source URL, IP or text;
    /// empty matches everything.
    public var search = ""
    /// From 1.
    public var page = 1
    public var perPage = 50

    public init() {}
}
