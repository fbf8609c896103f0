/// Something that belongs to a post written earlier in the same import, met in the file after it.
///
/// A Movable Type backup writes every entry first, then its placements, trackbacks, pings and
/// comments by class (`MT::BackupRestore` orders classes, not entries), so a streaming reader
/// hands these on as they come instead of holding every entry until its last comment:
///
/// ```swift
/// emit(.attachment(to: .movableTypeEntry(10), .term(PostTerm(taxonomy: "category", slug: "green", name: "Green"))))
/// emit(.attachment(to: .movableTypeEntry(10), .comment(comment)))
/// ```
///
/// Each is written idempotently on its own: a term or URL the post has already is left alone, a
/// comment is matched by its source id and content hash as a post's comments are.
public enum PostAttachment: Sendable, Equatable {
    /// A comment or ping of the post.
    case comment(Comment)
    /// A category, tag or other term the post is filed under.
    case term(PostTerm)
    /// A URL the post was published at (an MT `fileinfo` row), resolved by the gateway.
    case legacyURL(String)
}
