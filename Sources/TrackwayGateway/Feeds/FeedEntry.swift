/// One post as a feed shows it, every text already made safe: the title and names plain text,
/// the summary and content HTML through the sanitizer.
///
/// ```swift
/// let entry = FeedEntry(title: "Hello", link: base + "/2008/01/hello/", guid: "http://old.example/?p=1",
///                       author: "Jane Doe", published: date, updated: date, categories: [],
///                       summary: "Hello [&#8230;]", content: "<p>Hello</p>", discussion: nil)
/// ```
struct FeedEntry: Sendable, Equatable {
    /// Plain text.
    var title: String
    /// The post's page on this server.
    var link: String
    /// The guid the old blog gave the post, so readers that followed the old feed see no new
    /// copy of what they already read.
    var guid: String
    /// Plain text: the author's display name.
    var author: String
    var published: FeedDate?
    var updated: FeedDate?
    var categories: [FeedCategory]
    /// Safe HTML: the excerpt, or a notice for a password-protected post.
    var summary: String
    /// Safe HTML: the content, or a notice for a password-protected post.
    var content: String
    /// Where the post's comments are; nil when comments are closed and it has none, as
    /// WordPress leaves the links out then.
    var discussion: FeedDiscussion?
}

/// A category or tag a post is filed under.
struct FeedCategory: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case category, tag
    }

    /// Plain text.
    var name: String
    var kind: Kind
}

/// Where a post's comments are read and followed, and how many there are.
struct FeedDiscussion: Sendable, Equatable {
    /// The comments on the post's page (`…/#comments`).
    var pageURL: String
    /// The post's comment feed (`…/feed/`).
    var feedURL: String
    /// The post's comment feed in Atom (`…/feed/atom/`).
    var atomFeedURL: String
    /// Approved comments and pings.
    var count: Int
}
