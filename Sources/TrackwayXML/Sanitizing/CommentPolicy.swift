import CLibXML2

/// What strangers wrote (comments, ping excerpts, blog names): WordPress's comment allow-list
/// (`$allowedtags` in wp-includes/kses.php), every other element shown as text, links only to
/// http, https, mailto or relative URLs, and `rel="nofollow ugc"` on every link.
struct CommentPolicy: HTMLSanitizerPolicy {
    /// WordPress's `$allowedtags`: each element and the attributes it may carry.
    static let allowed: [String: Set<String>] = [
        "a": ["href", "title"],
        "abbr": ["title"],
        "acronym": ["title"],
        "b": [],
        "blockquote": ["cite"],
        "cite": [],
        "code": [],
        "del": ["datetime"],
        "em": [],
        "i": [],
        "q": ["cite"],
        "s": [],
        "strike": [],
        "strong": [],
    ]

    private static let urlAttributes: Set<String> = ["href", "cite"]

    let unreadableElement = HTMLElementTreatment.escape

    func treatment(of name: String, element: xmlNodePtr) -> HTMLElementTreatment {
        if Self.allowed[name] != nil { return .keep }
        // The document around the fragment, made by the parser, was never written by anyone.
        return name == "html" || name == "body" || name == "head" ? .unwrap : .escape
    }

    func keeps(attribute name: String, value: UnsafeBufferPointer<UInt8>?, of element: String) -> Bool {
        guard let names = Self.allowed[element], names.contains(name), let value else { return false }
        guard Self.urlAttributes.contains(name) else { return true }
        return HTMLURLScheme.scheme(of: value).map(HTMLURLScheme.linkable.contains) ?? true
    }

    func addedAttributes(of element: String) -> StaticString? {
        element == "a" ? " rel=\"nofollow ugc\"" : nil
    }
}
