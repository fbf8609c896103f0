/// One approved comment or ping as a comment feed shows it, its text already made safe.
///
/// ```swift
/// let item = FeedComment(postTitle: "Hello", postLink: base + "/2008/01/hello/", postGUID: "http://old.example/?p=1",
///                        author: "Ann", link: base + "/2008/01/hello/#comment-2",
///                        guid: "http://old.example/?p=1#comment-2", date: date, text: "<p>Nice.</p>")
/// ```
struct FeedComment: Sendable, Equatable {
    /// Plain text: the title of the post it was left on.
    var postTitle: String
    /// The post's page on this server.
    var postLink: String
    /// The post's guid (the address it had in its old home).
    var postGUID: String
    /// Plain text: the commenter's name, or for a ping the citing blog's.
    var author: String
    /// The comment on the post's page on this server.
    var link: String
    /// The post's guid with `#comment-ID`, as WordPress's `comment_guid` gives it.
    var guid: String
    var date: FeedDate?
    /// Safe HTML: the text through the comment allow-list.
    var text: String
}
