/// A stored post as a ping sender needs it: where it lives, what it says, and its site.
public struct OutboundPost: Sendable, Equatable {
    public var postID: Int
    public var title: String
    /// The permalink: the source URL of every ping it sends.
    public var link: String
    public var content: String
    public var excerpt: String
    public var status: String
    public var postType: String
    public var siteTitle: String
    /// The site's link and base URLs, to tell its own links from outbound ones.
    public var siteURLs: [String]

    public init(
        postID: Int, title: String, link: String, content: String, excerpt: String, status: String, postType: String,
        siteTitle: String, siteURLs: [String]
    ) {
        self.postID = postID
        self.title = title
        self.link = link
        self.content = content
        self.excerpt = excerpt
        self.status = status
        self.postType = postType
        self.siteTitle = siteTitle
        self.siteURLs = siteURLs
    }
}
