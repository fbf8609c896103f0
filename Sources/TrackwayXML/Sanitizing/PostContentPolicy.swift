import CLibXML2

/// The owner's HTML, kept as written but for what runs script or changes the page around it:
/// scripts, plugins, `<base>`, `<meta>`, `<link>`, frames, event handlers, scripting URLs,
/// SVG animations (which can set an `href` to a `javascript:` URL), CSS that old browsers ran,
/// and iframes other than `HTMLEmbedAllowList`'s players.
struct PostContentPolicy: HTMLSanitizerPolicy {
    /// Left out with their content.
    private static let dropped: Set<String> = [
        "script", "object", "embed", "applet", "param", "base", "meta", "link", "frame", "frameset", "title",
        "portal", "animate", "animatemotion", "animatetransform", "animatecolor", "set", "handler", "listener",
    ]

    /// Left out, their content kept. The document's own elements; and elements browsers read as
    /// raw text, which would show their content as markup (`<noscript>`: the archive runs no
    /// script, so its fallback is what a reader should see).
    private static let unwrapped: Set<String> = [
        "html", "head", "body", "noscript", "noembed", "noframes", "xmp", "plaintext", "listing",
    ]

    /// Attributes whose value is a URL (or a list of them), by their name without a prefix
    /// (`xlink:href` is an `href`).
    private static let urlAttributes: Set<String> = [
        "href", "src", "action", "formaction", "poster", "background", "cite", "data", "codebase", "classid",
        "archive", "longdesc", "lowsrc", "dynsrc", "usemap", "manifest", "profile", "icon", "ping", "itemtype",
        "srcset", "imagesrcset",
    ]

    /// Attributes never kept: they hold a document, or change every URL around them.
    private static let refusedAttributes: Set<String> = ["srcdoc", "xml:base"]

    let unreadableElement = HTMLElementTreatment.unwrap

    func treatment(of name: String, element: xmlNodePtr) -> HTMLElementTreatment {
        if Self.dropped.contains(name) { return .drop }
        if Self.unwrapped.contains(name) { return .unwrap }
        switch name {
        case "iframe":
            let src = HTMLSanitizer.attribute("src", of: element)
            return src.map(HTMLEmbedAllowList.allows) == true ? .keep : .drop
        case "style":
            var css = HTMLSanitizer.textContent(of: element)
            return css.withUTF8 { HTMLStyleCheck.allows($0, isElement: true) } ? .keep : .drop
        default:
            return .keep
        }
    }

    func keeps(attribute name: String, value: UnsafeBufferPointer<UInt8>?, of element: String) -> Bool {
        let localName = name.split(separator: ":").last.map(String.init) ?? name
        if name.hasPrefix("on") || localName.hasPrefix("on") || Self.refusedAttributes.contains(name) { return false }
        guard let value else { return true }
        if name == "style" { return HTMLStyleCheck.allows(value, isElement: false) }
        guard Self.urlAttributes.contains(localName) else { return true }
        if localName.hasSuffix("srcset") {
            return !HTMLURLScheme.schemes(ofList: value).contains(where: HTMLURLScheme.scripting.contains)
        }
        return HTMLURLScheme.scheme(of: value).map { !HTMLURLScheme.scripting.contains($0) } ?? true
    }

    func addedAttributes(of element: String) -> StaticString? { nil }
}
