/// One `<a href>` of an HTML page: where it points and the words around it.
public struct HTMLLink: Sendable, Equatable {
    /// The href resolved against the page's URL (`/post/` on `http://a.example/x` → `http://a.example/post/`).
    public var url: String
    /// The link's text, whitespace collapsed.
    public var text: String
    /// Up to about 100 characters of the enclosing paragraph on each side of the link, link text included.
    public var context: String

    public init(url: String, text: String, context: String) {
        self.url = url
        self.text = text
        self.context = context
    }
}
