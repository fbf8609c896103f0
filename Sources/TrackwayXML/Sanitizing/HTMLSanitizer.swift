import CLibXML2

/// HTML made safe to show in a page of Trackway's origin, read by libxml2's HTML parser and
/// written again node by node, every text and attribute value escaped.
///
/// ```swift
/// HTMLSanitizer.comment("<a href=\"http://x.example/\" onclick=\"go()\">x</a> <script>go()</script>")
/// // <a href="http://x.example/" rel="nofollow ugc">x</a> &lt;script&gt;go()&lt;/script&gt;
/// HTMLSanitizer.postContent("<p onclick=\"go()\">Hi<script>go()</script></p>")   // <p>Hi</p>
/// ```
///
/// Nothing is written as it was read: each element, attribute and text is written from the
/// tree, so a broken tag, a comment or a CDATA section the parser read otherwise than a browser
/// would is either dropped or written as text. HTML comments are dropped. Whatever a policy
/// keeps is written in one form every browser reads alike: names checked, values double-quoted.
public enum HTMLSanitizer {
    /// What a stranger wrote (a comment, a ping's excerpt, a blog name given as HTML), through
    /// WordPress's comment allow-list: `a` (`href`, `title`), `abbr` and `acronym` (`title`),
    /// `b`, `blockquote` (`cite`), `cite`, `code`, `del` (`datetime`), `em`, `i`, `q` (`cite`),
    /// `s`, `strike`, `strong`. Any other element is shown as text; a link keeps only an http,
    /// https, mailto or relative URL and gets `rel="nofollow ugc"`.
    ///
    /// Paragraphs are not made here: a page shows a comment as
    /// `ParagraphFormatting.wordPress(HTMLSanitizer.comment(text))`, as WordPress runs `wpautop`
    /// on comment text filtered by kses.
    public static func comment(_ html: String) -> String {
        sanitize(html, policy: CommentPolicy())
    }

    /// The owner's HTML (a post's content), kept as written except for what runs script or
    /// changes the page around it: `<script>`, `<object>`, `<embed>`, `<applet>`, `<base>`,
    /// `<meta>`, `<link>`, frames, `on*` attributes, `javascript:`, `vbscript:` and `data:`
    /// URLs in any URL attribute (`srcset` each candidate), `srcdoc`, SVG animation elements,
    /// CSS with `expression()`, `-moz-binding`, `behavior` or a `javascript:` URL, and
    /// `<iframe>` unless its `src` is a player in `HTMLEmbedAllowList`. `<style>` is kept (no
    /// current browser runs script from CSS) unless it holds one of those or a `<`.
    ///
    /// Run it last, on what `ParagraphFormatting` made: nothing after it may add markup.
    public static func postContent(_ html: String) -> String {
        sanitize(html, policy: PostContentPolicy())
    }

    /// The HTML parser's options: no network, no messages, and every whitespace text kept
    /// (`NOBLANKS` would drop the space between two links).
    private static let parseOptions = Int32(bitPattern:
        HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
    )

    /// Opened before the fragment so that its text lands in a `body`: with nothing open,
    /// libxml2 would wrap leading text in a `<p>` nobody wrote.
    private static let documentStart: StaticString = "<html><body>"

    private static func sanitize(_ html: String, policy: some HTMLSanitizerPolicy) -> String {
        guard html.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ">") || $0 == 0 }) else {
            return html
        }
        var input: [UInt8] = []
        input.reserveCapacity(html.utf8.count + documentStart.utf8CodeUnitCount)
        documentStart.withUTF8Buffer { input.append(contentsOf: $0) }
        // NUL characters dropped first, as WordPress's kses drops them: libxml2 would end a
        // value at one (`java\0script:` must read `javascript:`, and be refused).
        if html.utf8.contains(0) {
            input.append(contentsOf: html.utf8.lazy.filter { $0 != 0 })
        } else {
            input.append(contentsOf: html.utf8)
        }
        guard let document = parse(input) else { return "" }
        defer { xmlFreeDoc(document) }
        var output = HTMLOutput(capacity: html.utf8.count + html.utf8.count / 8)
        write(children: document.pointee.children, policy: policy, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    private static func parse(_ bytes: [UInt8]) -> htmlDocPtr? {
        _ = XMLSecurity.silenceGlobalErrors
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(clamping: buffer.count), nil, "utf-8", parseOptions)
                }
            }
        }
    }

    /// How an element opened on the way down is closed on the way up.
    private enum Closing {
        case none
        case endTag(String)
        case escapedEndTag(String)
    }

    /// Writes `first` and its siblings, depth first, without recursion: hostile input can nest
    /// as deep as the parser lets it.
    private static func write(children first: xmlNodePtr?, policy: some HTMLSanitizerPolicy, to output: inout HTMLOutput) {
        var closings: [Closing] = []
        var node = first
        while let current = node {
            var descend = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                descend = open(current, policy: policy, closings: &closings, to: &output)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                withContent(of: current) { output.text($0) }
            default:
                // Comments, processing instructions, the DTD: nothing a reader sees.
                break
            }
            if descend, let child = current.pointee.children {
                node = child
                continue
            }
            if descend { close(closings.removeLast(), to: &output) }
            // Up until a node with a next sibling, closing each element left.
            var climbing: xmlNodePtr? = current
            node = nil
            while let up = climbing {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                guard let parent = up.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE, !closings.isEmpty else { break }
                close(closings.removeLast(), to: &output)
                climbing = parent
            }
        }
    }

    /// Writes what opens `element` and returns whether its children are to be written (a
    /// closing is then pushed for it).
    private static func open(_ element: xmlNodePtr, policy: some HTMLSanitizerPolicy, closings: inout [Closing], to output: inout HTMLOutput) -> Bool {
        guard let rawName = element.pointee.name else { return false }
        let name = String(cString: rawName).lowercased()
        let treatment = isValidName(name) ? policy.treatment(of: name, element: element) : policy.unreadableElement
        let isVoid = htmlVoidElements.contains(name)
        switch treatment {
        case .drop:
            return false
        case .unwrap:
            closings.append(.none)
            return true
        case .escape:
            writeEscapedStartTag(element, name: name, to: &output)
            closings.append(isVoid ? .none : .escapedEndTag(name))
            return true
        case .keep:
            output.markup("<")
            output.markup(name)
            writeAttributes(of: element, name: name, policy: policy, to: &output)
            if let added = policy.addedAttributes(of: name) { output.markup(added) }
            if isVoid {
                output.markup(" />")
                return false
            }
            output.markup(">")
            switch name {
            case "style":
                // Raw text a browser does not decode; HTMLStyleCheck refused any `<` in it.
                output.markup(textContent(of: element))
                writeEndTag(name, to: &output)
                return false
            case "iframe":
                // A browser shows none of an iframe's content.
                writeEndTag(name, to: &output)
                return false
            default:
                closings.append(.endTag(name))
                return true
            }
        }
    }

    private static func close(_ closing: Closing, to output: inout HTMLOutput) {
        switch closing {
        case .none: break
        case let .endTag(name): writeEndTag(name, to: &output)
        case let .escapedEndTag(name):
            output.markup("&lt;/")
            output.markup(name)
            output.markup("&gt;")
        }
    }

    private static func writeEndTag(_ name: String, to output: inout HTMLOutput) {
        output.markup("</")
        output.markup(name)
        output.markup(">")
    }

    private static func writeAttributes(of element: xmlNodePtr, name: String, policy: some HTMLSanitizerPolicy, to output: inout HTMLOutput) {
        var attribute = element.pointee.properties
        var written: Set<String> = []
        while let current = attribute {
            attribute = current.pointee.next
            guard let rawName = current.pointee.name else { continue }
            let attributeName = String(cString: rawName).lowercased()
            // A name repeated is written once, as browsers keep the first.
            guard isValidName(attributeName), !written.contains(attributeName) else { continue }
            withValue(of: current) { value in
                guard policy.keeps(attribute: attributeName, value: value, of: name) else { return }
                written.insert(attributeName)
                output.markup(" ")
                output.markup(attributeName)
                if let value {
                    output.markup("=\"")
                    output.attributeValue(value)
                    output.markup("\"")
                }
            }
        }
    }

    /// `&lt;name attribute="value"&gt;` (as text): an element a stranger may not use, shown as they wrote it.
    private static func writeEscapedStartTag(_ element: xmlNodePtr, name: String, to output: inout HTMLOutput) {
        output.markup("&lt;")
        output.markup(name)
        var attribute = element.pointee.properties
        while let current = attribute {
            attribute = current.pointee.next
            guard let rawName = current.pointee.name else { continue }
            output.markup(" ")
            output.text(UnsafeBufferPointer(start: rawName, count: Int(xmlStrlen(rawName))))
            withValue(of: current) { value in
                guard let value else { return }
                // Text, not an attribute: quotes need no escaping, and a `"` shown as
                // `"` reads back the same when the text is sanitized again.
                output.markup("=\"")
                output.text(value)
                output.markup("\"")
            }
        }
        output.markup("&gt;")
    }

    /// True for a name every parser reads whole: a letter, then letters, digits, `-`, `_`, `.`
    /// or `:`.
    private static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return name.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"): true
            default: false
            }
        }
    }

    private static func withContent(of node: xmlNodePtr, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let content = node.pointee.content else { return }
        body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
    }

    /// Calls `body` with the decoded value of `attribute`, or nil when it was written without
    /// one. An HTML attribute's value is one text node: read in place, not copied.
    private static func withValue(of attribute: xmlAttrPtr, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard let child = attribute.pointee.children else { return body(nil) }
        if child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE, let content = child.pointee.content {
            return body(UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content))))
        }
        guard let value = xmlNodeListGetString(attribute.pointee.doc, child, 1) else { return body(nil) }
        defer { cxml_free(value) }
        body(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value))))
    }

    /// The value of the attribute `name` of `element`, decoded.
    static func attribute(_ name: String, of element: xmlNodePtr) -> String? {
        guard let raw = xmlGetProp(element, name) else { return nil }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// The text inside `element` (a `<style>`'s CSS).
    static func textContent(of element: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(element) else { return "" }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }
}
