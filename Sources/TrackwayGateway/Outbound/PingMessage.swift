import TrackwayXML

/// What a sender says: "`source` links to `target`", plus the TrackBack form's description of
/// the source (Webmention and Pingback carry only the two URLs).
public struct PingMessage: Sendable, Equatable {
    public var source: String
    public var target: String
    public var title: String
    public var excerpt: String
    public var blogName: String

    public init(source: String, target: String, title: String = "", excerpt: String = "", blogName: String = "") {
        self.source = source
        self.target = target
        self.title = title
        self.excerpt = excerpt
        self.blogName = blogName
    }

    /// A TrackBack excerpt from a post's HTML: its text, cut at 252 characters with an ellipsis
    /// as WordPress cuts it.
    ///
    /// ```swift
    /// PingMessage.excerpt(fromHTML: "<p>Caf&eacute; <b>au</b> lait</p>")   // "Café au lait"
    /// ```
    public static func excerpt(fromHTML html: String) -> String {
        HTMLText.excerpt(HTMLLinkScanner.text(ofFragment: html), limit: 252)
    }
}
