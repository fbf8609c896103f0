/// A post, page, attachment or any other item of an export, with everything that hangs off it.
public struct Post: Sendable, Equatable, Codable {
    /// The id in the source: WordPress `wp:post_id`, or the Movable Type BASENAME (or a stand-in
    /// derived from title and date when an entry has none).
    public var sourceID: String
    /// `post`, `page`, `attachment`, `nav_menu_item`, … as written; empty for a WXR item without
    /// `wp:post_type` (which WordPress's importer skips, and an export leaves without one).
    public var postType: String = "post"
    /// `publish`, `draft`, `pending`, `private`, `future`, `inherit`, `trash`, … as written.
    public var status: String = "publish"
    public var title: String = ""
    public var link: String = ""
    public var pubDate: String = ""
    /// The author's login (`dc:creator`, MT `AUTHOR`).
    public var creator: String = ""
    public var guid: String = ""
    public var guidIsPermaLink: Bool = false
    /// The RSS `<description>` (WordPress always writes it empty).
    public var description: String = ""
    public var content: String = ""
    public var excerpt: String = ""
    /// Local date text as written, `YYYY-MM-DD HH:MM:SS` (MT dates are converted to this form).
    public var postDate: String = ""
    /// UTC date text where the source gives one (WXR `_gmt`), else derived from the site zone.
    public var postDateGMT: String = ""
    public var modified: String = ""
    public var modifiedGMT: String = ""
    /// `open` or `closed`.
    public var commentStatus: String = "open"
    public var pingStatus: String = "open"
    /// `wp:post_name` / MT `BASENAME`.
    public var slug: String = ""
    public var parentSourceID: String = "0"
    public var menuOrder: Int = 0
    public var password: String = ""
    public var isSticky: Bool = false
    public var attachmentURL: String = ""
    public var terms: [PostTerm] = []
    public var meta: [MetaEntry] = []
    public var comments: [Comment] = []
    /// Item children the reader does not know, each verbatim, in file order.
    public var unknownElements: [String] = []
    /// Movable Type fields with no WordPress column, by MT key (`EXTENDED BODY`, `KEYWORDS`,
    /// `CONVERT BREAKS`, `UNIQUE URL`, `AUTHOR EMAIL`, unknown keys and sections).
    public var sourceFields: [MetaEntry] = []
    /// Every URL the post was reachable at in the old site, besides `link` and `guid`.
    public var legacyURLs: [String] = []
    /// How many characters the reader replaced (C0 controls, invalid UTF-8) inside this item.
    public var replacedCharacters: Int = 0

    public init(sourceID: String) {
        self.sourceID = sourceID
    }
}
