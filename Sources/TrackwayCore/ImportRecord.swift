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
public enum ImportRecord: Sendable, Equatable {
    case site(Site)
    case author(Author)
    case term(Term)
    case post(Post)
}
