/// A `<link>` or `<a>` element with a `rel` attribute, as endpoint discovery reads it.
public struct HTMLRelLink: Sendable, Equatable {
    /// `link` or `a`.
    public var element: String
    /// The rel tokens, lowercased (rel values are ASCII case-insensitive).
    public var rels: [String]
    /// The href resolved against the page's URL (an empty href is the page itself); nil when the
    /// element has no href attribute at all.
    public var url: String?

    public init(element: String, rels: [String], url: String?) {
        self.element = element
        self.rels = rels
        self.url = url
    }
}
