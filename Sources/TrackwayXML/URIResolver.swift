import CLibXML2

/// Resolves a URI reference against a base URI with libxml2's RFC 3986 resolver.
///
/// ```swift
/// URIResolver.resolve("../b?x=1", against: "http://a.example/p/q/")   // "http://a.example/p/b?x=1"
/// URIResolver.resolve("", against: "http://a.example/p")               // "http://a.example/p"
/// URIResolver.resolve("/café", against: "http://a.example/")           // "http://a.example/caf%C3%A9"
/// ```
public enum URIResolver {
    /// The absolute URI `reference` names when read on the page at `base`; `reference` trimmed
    /// as it is when libxml2 cannot resolve it. Non-ASCII characters and spaces are
    /// percent-encoded as UTF-8 first, as browsers do: libxml2 refuses them in a URI.
    public static func resolve(_ reference: String, against base: String) -> String {
        let trimmed = percentEncodingOutsideASCII(reference.trimmingCharacters(in: " \t\r\n"))
        guard let built = xmlBuildURI(trimmed, percentEncodingOutsideASCII(base)) else { return trimmed }
        defer { cxml_free(built) }
        return String(cString: built)
    }

    static func percentEncodingOutsideASCII(_ text: String) -> String {
        // Over the bytes in place: this runs for every link of every fetched page.
        let needsEncoding: (UInt8) -> Bool = { $0 >= 0x80 || $0 <= 0x20 }
        guard withUTF8Bytes(of: text, { $0.contains(where: needsEncoding) }) else { return text }
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if needsEncoding(byte) {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
