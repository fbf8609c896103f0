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
    /// `post`, `page`, `attachment`, …: pages map to `/<parents>/<slug>/` under a pattern.
    public var postType: String
    /// `%postname%`.
    public var slug: String
    /// Local time as the old blog wrote it, `YYYY-MM-DD HH:MM:SS`.
    public var postDate: String
    /// `%category%`: the slug of the post's first category; empty when it has none.
    public var category: String
    /// `%author%`: the author's login.
    public var author: String
    /// A page's ancestors' slugs, outermost first, joined by `/` (`RedirectPostTree.parentPath`);
    /// empty for a top-level page.
    public var parentPath: String
    /// 0 for the item WordPress keeps of those sharing its post id, then 1, 2, … for the others:
    /// where items share an old URL, the redirect goes to the lowest.
    public var keepRank: Int

    public init(url: String, postOrder: Int, urlOrder: Int, postID: String, postType: String, slug: String,
                postDate: String, category: String, author: String, parentPath: String = "", keepRank: Int = 0) {
        self.url = url
        self.postOrder = postOrder
        self.urlOrder = urlOrder
        self.postID = postID
        self.postType = postType
        self.slug = slug
        self.postDate = postDate
        self.category = category
        self.author = author
        self.parentPath = parentPath
        self.keepRank = keepRank
    }
}
