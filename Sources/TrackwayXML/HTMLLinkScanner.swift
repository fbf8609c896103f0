import CLibXML2

/// Reads an HTML page with libxml2's forgiving HTML parser (no network) and lists its title and links.
///
/// ```swift
/// let page = HTMLLinkScanner.scan(Array(html.utf8), pageURL: "http://other.example/post")
/// page.links.contains { $0.url == "http://blog.example/2008/01/hello/" }
/// ```
public enum HTMLLinkScanner {
    /// Links past this count are ignored: a page that links more is not worth reading further.
    public static let maxLinks = 2_000

    /// Characters of paragraph text kept on each side of a link in `HTMLLink.context`.
    static let contextRadius = 100

    private static let blockElements: Set<String> = [
        "p", "li", "div", "td", "th", "dd", "dt", "blockquote", "pre", "article", "section", "body",
        "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption",
    ]

    /// Scans `bytes` (any charset the page declares; `charset` overrides, e.g. from Content-Type).
    /// Relative hrefs resolve against `pageURL`. Returns an empty page when nothing can be parsed.
    public static func scan(_ bytes: [UInt8], pageURL: String, charset: String? = nil) -> HTMLPage {
        _ = XMLSecurity.silenceGlobalErrors
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), pageURL, charset, XMLSecurity.htmlOptions)
                }
            }
        }
        guard let document else { return HTMLPage(title: "", links: []) }
        defer { xmlFreeDoc(document) }

        var title = ""
        var links: [HTMLLink] = []
        var node = xmlDocGetRootElement(document)
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, let rawName = current.pointee.name {
                let name = String(cString: rawName).lowercased()
                if name == "title", title.isEmpty {
                    title = collapsed(content(of: current))
                } else if name == "a", links.count < maxLinks, let link = link(at: current, pageURL: pageURL) {
                    links.append(link)
                }
            }
            node = nextInDocumentOrder(current)
        }
        return HTMLPage(title: title, links: links)
    }

    private static func link(at anchor: xmlNodePtr, pageURL: String) -> HTMLLink? {
        guard let rawHref = xmlGetProp(anchor, "href") else { return nil }
        defer { cxml_free(rawHref) }
        let href = String(cString: rawHref).trimmingCharacters(in: " \t\r\n")
        guard !href.isEmpty else { return nil }
        let url: String
        if let built = xmlBuildURI(rawHref, pageURL) {
            url = String(cString: built)
            cxml_free(built)
        } else {
            url = href
        }
        let text = collapsed(content(of: anchor))
        var block = anchor.pointee.parent
        while let candidate = block, candidate.pointee.type == XML_ELEMENT_NODE,
              let rawName = candidate.pointee.name,
              !blockElements.contains(String(cString: rawName).lowercased()) {
            block = candidate.pointee.parent
        }
        let paragraph = block.map { collapsed(content(of: $0)) } ?? text
        return HTMLLink(url: url, text: text, context: context(around: text, in: paragraph))
    }

    /// The paragraph cut to `contextRadius` characters each side of the link text, at word boundaries.
    static func context(around text: String, in paragraph: String) -> String {
        guard !text.isEmpty, let range = paragraph.firstRange(of: text) else {
            return String(paragraph.prefix(2 * contextRadius))
        }
        var start = paragraph.index(range.lowerBound, offsetBy: -contextRadius, limitedBy: paragraph.startIndex) ?? paragraph.startIndex
        var end = paragraph.index(range.upperBound, offsetBy: contextRadius, limitedBy: paragraph.endIndex) ?? paragraph.endIndex
        if start != paragraph.startIndex, let space = paragraph[start..<range.lowerBound].firstIndex(of: " ") {
            start = paragraph.index(after: space)
        }
        if end != paragraph.endIndex, let space = paragraph[range.upperBound..<end].lastIndex(of: " ") {
            end = space
        }
        return String(paragraph[start..<end])
    }

    private static func content(of node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// Whitespace runs as one space, trimmed.
    static func collapsed(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    private static func nextInDocumentOrder(_ node: xmlNodePtr) -> xmlNodePtr? {
        // Script and style text never holds links worth reading; skip their subtrees.
        if node.pointee.type == XML_ELEMENT_NODE, let children = node.pointee.children,
           let rawName = node.pointee.name,
           !["script", "style"].contains(String(cString: rawName).lowercased()) {
            return children
        }
        var current: xmlNodePtr? = node
        while let candidate = current {
            if let next = candidate.pointee.next { return next }
            current = candidate.pointee.parent
            if current?.pointee.type != XML_ELEMENT_NODE { return nil }
        }
        return nil
    }
}
