/// One unit of data a reader hands to the store, in file order.
///
/// Readers emit the site header first, then authors and terms as they are met, then posts with
/// everything that belongs to them (meta, terms, comments, pings):
///
/// ```swift
/// try reader.read { record in
///     switch record {
///     case .site(let site): ...
///     case .post(let post): ...
///     default: ...
///     }
/// }
/// ```
///
/// A post with more comments than a reader holds at once comes in pieces instead, so memory
/// stays flat however many comments one post has: `.postStart` with the fields read so far and
/// the first comments, `.postComments` with more, `.postEnd` with every field and the last
/// comments. Nothing else comes between them.
public enum ImportRecord: Sendable, Equatable {
    case site(Site)
    case author(Author)
    case term(Term)
    case post(Post)
    /// The first piece of a post: the fields read so far and its first comments.
    case postStart(Post)
    /// More comments of the post `.postStart` began, in file order.
    case postComments([Comment])
    /// The last piece of a post: all its fields (some may follow the comments in the file) and
    /// its last comments.
    case postEnd(Post)
    /// Makes a site this import wrote earlier the current one again, unchanged (a Movable Type
    /// backup interleaves its blogs' records class by class).
    case resumeSite(sourceKey: String)
    /// A comment, term or URL of the current site's post `to` names, written earlier in this
    /// import or in an earlier one.
    case attachment(to: PostReference, PostAttachment)
    /// A Movable Type TrackBack ping target of the current site.
    case trackbackTarget(TrackbackTarget)
    /// Elements the reader met and does not import, by name, with how many of each: counted
    /// in the summary so nothing is dropped unsaid.
    case skippedElements([String: Int])
}
