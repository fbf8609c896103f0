import CLibXML2

/// Reads an HTML page with libxml2's forgiving HTML parser (no network) and lists its title, its
/// links, its rel links and its TrackBack RDF.
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
        scan(bytes, pageURL: pageURL, charset: charset, nested: false)
    }

    /// `nested` scans the text of a comment: comments inside it are not read again.
    private static func scan(_ bytes: [UInt8], pageURL: String, charset: String?, nested: Bool) -> HTMLPage {
        guard let document = parse(bytes, pageURL: pageURL, charset: charset) else { return HTMLPage(title: "", links: []) }
        defer { xmlFreeDoc(document) }

        var page = HTMLPage(title: "", links: [])
        // Each block's text, collapsed, read once however many links it holds: a page of a
        // thousand links in one <div> would otherwise cost a thousand reads of the whole div.
        var blockTexts: [xmlNodePtr: String] = [:]
        var node = xmlDocGetRootElement(document)
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE, let rawName = current.pointee.name {
                let name = String(cString: rawName).lowercased()
                if name == "title", page.title.isEmpty {
                    page.title = collapsed(content(of: current))
                } else if name == "a", page.links.count < maxLinks, let link = link(at: current, pageURL: pageURL, blockTexts: &blockTexts) {
                    page.links.append(link)
                }
                if name == "a" || name == "link", page.relLinks.count < maxLinks, let relLink = relLink(at: current, name: name, pageURL: pageURL) {
                    page.relLinks.append(relLink)
                }
                if let rdf = trackbackRDF(at: current, name: name, pageURL: pageURL) {
                    page.trackbackRDF.append(rdf)
                }
            } else if current.pointee.type == XML_COMMENT_NODE, !nested {
                page.trackbackRDF += trackbackRDF(inComment: content(of: current), pageURL: pageURL)
            }
            node = nextInDocumentOrder(current)
        }
        return page
    }

    /// The text of an HTML fragment, tags, scripts and styles dropped, entities decoded, whitespace
    /// collapsed (a post's content turned into a TrackBack excerpt).
    ///
    /// ```swift
    /// HTMLLinkScanner.text(ofFragment: "<p>Caf&eacute; <b>au</b> lait</p>")   // "Café au lait"
    /// ```
    public static func text(ofFragment html: String) -> String {
        // Text with no markup and no reference is its own text: no document to build.
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else { return collapsed(html) }
        return text(ofParsed: Array(html.utf8))
    }

    /// The text of an HTML fragment with tags, comments, scripts and styles dropped and
    /// whitespace collapsed, as `text(ofFragment:)` has it, but with its character references
    /// left as written (`&#8217;` stays `&#8217;`): WordPress's `wp_strip_all_tags`. What comes
    /// back may hold a bare `&`, `<` or `>`; `HTMLCharacterReference.escapingBareCharacters`
    /// makes HTML text of it.
    ///
    /// ```swift
    /// HTMLLinkScanner.textKeepingReferences(ofFragment: "<b>It&#8217;s</b> a &lt;tag&gt; & more")   // "It&#8217;s a &lt;tag&gt; & more"
    /// ```
    public static func textKeepingReferences(ofFragment html: String) -> String {
        guard html.utf8.contains(UInt8(ascii: "<")) else { return collapsed(html) }
        // Every `&` escaped before parsing: the parser decodes `&amp;` back to the `&` written,
        // so each reference reaches the text as its source.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count + 16)
        for byte in html.utf8 {
            if byte == UInt8(ascii: "&") { bytes.append(contentsOf: "&amp;".utf8) } else { bytes.append(byte) }
        }
        return text(ofParsed: bytes)
    }

    /// The collapsed text of the UTF-8 HTML fragment `bytes`, scripts and styles left out.
    private static func text(ofParsed bytes: [UInt8]) -> String {
        guard let document = parse(bytes, pageURL: nil, charset: "utf-8") else { return "" }
        defer { xmlFreeDoc(document) }
        var text = ""
        var node = xmlDocGetRootElement(document)
        while let current = node {
            if current.pointee.type == XML_TEXT_NODE, let raw = current.pointee.content {
                text += String(cString: raw)
            }
            node = nextInDocumentOrder(current)
        }
        return collapsed(text)
    }

    /// The document libxml2's HTML parser makes of `bytes`, with Trackway's options; the caller frees it.
    private static func parse(_ bytes: [UInt8], pageURL: String?, charset: String?) -> htmlDocPtr? {
        _ = XMLSecurity.silenceGlobalErrors
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), pageURL, charset, XMLSecurity.htmlOptions)
                }
            }
        }
    }

    private static func link(at anchor: xmlNodePtr, pageURL: String, blockTexts: inout [xmlNodePtr: String]) -> HTMLLink? {
        guard let href = attribute("href", of: anchor), !href.trimmingCharacters(in: " \t\r\n").isEmpty else { return nil }
        let url = URIResolver.resolve(href, against: pageURL)
        let text = collapsed(content(of: anchor))
        var block = anchor.pointee.parent
        while let candidate = block, candidate.pointee.type == XML_ELEMENT_NODE,
              let rawName = candidate.pointee.name,
              !blockElements.contains(String(cString: rawName).lowercased()) {
            block = candidate.pointee.parent
        }
        var paragraph = text
        if let block {
            if let known = blockTexts[block] {
                paragraph = known
            } else {
                paragraph = collapsed(content(of: block))
                blockTexts[block] = paragraph
            }
        }
        return HTMLLink(url: url, text: text, paragraph: paragraph)
    }

    private static func relLink(at element: xmlNodePtr, name: String, pageURL: String) -> HTMLRelLink? {
        guard let rel = attribute("rel", of: element) else { return nil }
        let rels = rel.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).map(String.init)
        let url = attribute("href", of: element).map { URIResolver.resolve($0, against: pageURL) }
        return HTMLRelLink(element: name, rels: rels, url: url)
    }

    /// An `rdf:Description` with a `trackback:ping` (the HTML parser drops the `rdf:` prefix of
    /// the element's name but keeps prefixed attribute names whole).
    private static func trackbackRDF(at element: xmlNodePtr, name: String, pageURL: String) -> HTMLTrackbackRDF? {
        guard name == "description" || name == "rdf:description",
              let ping = attribute("trackback:ping", of: element), !ping.isEmpty else { return nil }
        let identifier = attribute("dc:identifier", of: element) ?? attribute("rdf:about", of: element) ?? ""
        return HTMLTrackbackRDF(
            ping: URIResolver.resolve(ping, against: pageURL),
            identifier: identifier.trimmingCharacters(in: " \t\r\n"),
            title: attribute("dc:title", of: element) ?? ""
        )
    }

    /// The RDF blocks of a comment: its text is markup again, read with the same forgiving parser.
    private static func trackbackRDF(inComment text: String, pageURL: String) -> [HTMLTrackbackRDF] {
        guard text.contains("trackback:ping") else { return [] }
        return scan(Array(text.utf8), pageURL: pageURL, charset: "utf-8", nested: true).trackbackRDF
    }

    private static func attribute(_ name: String, of element: xmlNodePtr) -> String? {
        guard let raw = xmlGetProp(element, name) else { return nil }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// The paragraph cut to `contextRadius` characters each side of the link text, at word boundaries.
    static func context(around text: String, in paragraph: String) -> String {
        guard !text.isEmpty, let range = paragraph.firstUTF8Range(of: text) else {
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

    /// Whitespace runs as one space, trimmed (`" a \n b "` → `"a b"`).
    ///
    /// Works on the UTF-8 bytes, copying runs of other text whole: a page's paragraphs pass
    /// through here, and appending scalar by scalar cost more than parsing the page.
    public static func collapsed(_ text: String) -> String {
        var text = text
        let changed: String? = text.withUTF8 { bytes in
            // A title, a name: most short texts are collapsed already and come back as they are.
            guard !isCollapsed(bytes) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var pendingSpace = false
            var index = 0
            while index < bytes.count {
                let length = whitespaceLength(in: bytes, at: index)
                if length > 0 {
                    pendingSpace = !result.isEmpty
                    index += length
                    continue
                }
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                // The run up to the next whitespace, copied at once, scalar by whole scalar.
                var end = index
                repeat {
                    end += scalarLength(leadByte: bytes[end])
                } while end < bytes.count && whitespaceLength(in: bytes, at: end) == 0
                end = min(end, bytes.count)
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
            return String(decoding: result, as: UTF8.self)
        }
        return changed ?? text
    }

    /// True when `bytes` holds no whitespace but single spaces between other characters.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        guard first != 0x20, last != 0x20 else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 {
                if bytes[index + 1] == 0x20 { return false }
            } else if byte < 0x80 ? (0x09...0x0D).contains(byte) : whitespaceLength(in: bytes, at: index) > 0 {
                return false
            }
            index += 1
        }
        return true
    }

    /// The length of the White_Space scalar starting at `index`, or 0 when it is not one. ASCII's
    /// are TAB to CR and SPACE; the others all start with 0xC2, 0xE1, 0xE2 or 0xE3, so only
    /// those are decoded.
    private static func whitespaceLength(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) ? 1 : 0 }
        guard lead == 0xC2 || (0xE1...0xE3).contains(lead) else { return 0 }
        let length = scalarLength(leadByte: lead)
        guard index + length <= bytes.count else { return 0 }
        // The text is valid UTF-8 (a String's), so the sequence decodes as it stands.
        var value = UInt32(lead) & (length == 2 ? 0x1F : 0x0F)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)?.properties.isWhitespace == true ? length : 0
    }

    /// The bytes of the UTF-8 sequence that `leadByte` starts (1 for a stray continuation byte).
    private static func scalarLength(leadByte: UInt8) -> Int {
        switch leadByte {
        case 0xF0...: 4
        case 0xE0...: 3
        case 0xC0...: 2
        default: 1
        }
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
