/// One legacy URL of a post, with the post facts a new URL is built from.
///
/// ```swift
/// let source = RedirectSource(url: "http://old.example/?p=12", postOrder: 3, urlOrder: 1,
///                             postID: "12", postType: "post", slug: "haul-out",
///                             postDate: "2026-10-01 10:00:00", category: "boats", author: "mara")
/// ```
public struct RedirectSource: Sendable, Equatable {
    /// The URL the post was reachable at.
    public var url: String
    /// Orders posts: sources sort by post, then by `urlOrder`.
    public var postOrder: Int
    /// Orders the URLs of one post.
    public var urlOrder: Int
    /// The post's id in the old blog (`%post_id%`).
    public var postID: String
    /// `post`, `page`, `attachment`, …: pages map to `/<slug>/` under a pattern.
    public var postType: String
    /// `%postname%`.
    public var slug: String
    /// Local time as the old blog wrote it, `YYYY-MM-DD HH:MM:SS`.
    public var postDate: String
    /// `%category%`: the slug of the post's first category; empty when it has none.
    public var category: String
    /// `%author%`: the author's login.
    public var author: String

    public init(url: String, postOrder: Int, urlOrder: Int, postID: String, postType: String, slug: String,
                postDate: String, category: String, author: String) {
        self.url = url
        self.postOrder = postOrder
        self.urlOrder = urlOrder
        self.postID = postID
        self.postType = postType
        self.slug = slug
        self.postDate = postDate
        self.category = category
        self.author = author
    }
}
