/// One `<a href>` of an HTML page: where it points and the words around it.
public struct HTMLLink: Sendable, Equatable {
    /// The href resolved against the page's URL (`/post/` on `http://a.example/x` → `http://a.example/post/`).
    public var url: String
    /// The link's text, whitespace collapsed.
    public var text: String
    /// The text of the enclosing block (paragraph, list item, cell…), whitespace collapsed.
    public var paragraph: String

    public init(url: String, text: String, paragraph: String) {
        self.url = url
        self.text = text
        self.paragraph = paragraph
    }

    /// Up to about 100 characters of the enclosing paragraph on each side of the link, link text
    /// included. Cut when asked for: a page has many links, and only the one to the target needs it.
    public var context: String {
        HTMLLinkScanner.context(around: text, in: paragraph)
    }
}
