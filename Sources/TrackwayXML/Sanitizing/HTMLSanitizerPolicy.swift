import CLibXML2

/// What a sanitizer policy does with one element.
enum HTMLElementTreatment {
    /// Written as markup, with the attributes the policy keeps.
    case keep
    /// Left out, its children written in its place.
    case unwrap
    /// Left out with everything inside it.
    case drop
    /// Written as text (`&lt;name ...&gt;`), its children then its end tag too.
    case escape
}

/// The rules of one sanitizer: which elements and attributes pass. `HTMLSanitizer` walks the
/// parsed tree and writes; a policy only decides.
protocol HTMLSanitizerPolicy {
    /// The treatment of the element `element` named `name` (lowercase, a valid name).
    func treatment(of name: String, element: xmlNodePtr) -> HTMLElementTreatment

    /// Whether the kept element `element` keeps the attribute `name` (lowercase) with `value`
    /// (decoded; nil for an attribute written without one).
    func keeps(attribute name: String, value: UnsafeBufferPointer<UInt8>?, of element: String) -> Bool

    /// The treatment of an element whose name not every parser reads alike (not ASCII).
    var unreadableElement: HTMLElementTreatment { get }

    /// Attributes the policy adds to a kept element, written as they are (` rel="nofollow ugc"`).
    func addedAttributes(of element: String) -> StaticString?
}

/// HTML's void elements: written with no end tag, and never given children.
let htmlVoidElements: Set<String> = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen",
    "link", "meta", "param", "source", "track", "wbr",
]
