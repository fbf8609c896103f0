import CLibXML2

/// Resolves a URI reference against a base URI with libxml2's RFC 3986 resolver.
///
/// ```swift
/// URIResolver.resolve("../b?x=1", against: "http://a.example/p/q/")   // "http://a.example/p/b?x=1"
/// URIResolver.resolve("", against: "http://a.example/p")               // "http://a.example/p"
/// ```
public enum URIResolver {
    /// The absolute URI `reference` names when read on the page at `base`; `reference` trimmed
    /// as it is when libxml2 cannot resolve it.
    public static func resolve(_ reference: String, against base: String) -> String {
        let trimmed = reference.trimmingCharacters(in: " \t\r\n")
        guard let built = xmlBuildURI(trimmed, base) else { return trimmed }
        defer { cxml_free(built) }
        return String(cString: built)
    }
}
