import CLibXML2

/// A streaming, forward-only XML reader over libxml2's `xmlTextReader`, with Trackway's secure
/// options (no network, no entity expansion, no DTD loading).
///
/// Memory stays flat whatever the document size: only the current node is held.
///
/// ```swift
/// let reader = try XMLPullReader(bytes: Array(body.utf8))
/// while try reader.read() {
///     if reader.kind == .element, reader.localName == "methodName" { ... }
/// }
/// ```
///
/// A reader is confined to one task: libxml2 reader state is not thread-safe.
public final class XMLPullReader {
    /// Supplies the next bytes of the document; returns how many it wrote, 0 at the end.
    public typealias ByteSupplier = (UnsafeMutableRawBufferPointer) throws -> Int

    let reader: xmlTextReaderPtr
    private var input: InputContext?
    private var memory: UnsafeMutableRawBufferPointer?
    /// Whether libxml2 can only yield valid UTF-8, so `value` need not validate it again.
    private let yieldsValidUTF8: Bool
    private var firstError: XMLParseError?
    private var namespaceCache: [UnsafeRawPointer: String] = [:]
    private var nameCache: [UnsafeRawPointer: String] = [:]
    private var nameIDs: [ExpandedNameKey: Int] = [:]
    /// The last name id met in each slot: most elements are found here, without hashing. A plain
    /// stored property, not `lazy`: writing one slot of a lazy array copies the whole table.
    private var recentNameIDs = [(key: ExpandedNameKey, id: Int)](
        repeating: (ExpandedNameKey(namespaceURI: nil, localName: nil), -1), count: ExpandedNameKey.slotCount
    )
    private var expandedNames: [(namespaceURI: String, localName: String)] = []

    /// Reads a document held in memory (the bytes are copied).
    public init(bytes: [UInt8], strict: Bool = true) throws {
        _ = XMLSecurity.silenceGlobalErrors
        yieldsValidUTF8 = false
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        buffer.copyBytes(from: bytes)
        memory = buffer
        let options = strict ? XMLSecurity.strictReaderOptions : XMLSecurity.readerOptions
        guard let created = xmlReaderForMemory(
            buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil, nil, options
        ) else {
            buffer.deallocate()
            throw XMLParseError(line: 0, column: 0, message: "libxml2 could not create a reader")
        }
        reader = created
        installErrorHandler()
    }

    /// Reads a document pulled from `supplier`, for files of any size.
    ///
    /// Pass `suppliesValidUTF8: true` only when every byte `supplier` hands over forms valid
    /// UTF-8 without the characters XML forbids, in a document that declares UTF-8 or no
    /// encoding (an importer's sanitizing filter guarantees it). libxml2 then yields only valid
    /// UTF-8, and `value` copies text without validating it a second time, which costs more
    /// than the copy on text that is not all ASCII.
    public init(supplier: @escaping ByteSupplier, suppliesValidUTF8: Bool = false) throws {
        _ = XMLSecurity.silenceGlobalErrors
        yieldsValidUTF8 = suppliesValidUTF8
        let input = InputContext(supplier: supplier)
        self.input = input
        let readCallback: xmlInputReadCallback = { context, buffer, length in
            guard let context, let buffer, length > 0 else { return -1 }
            let input = Unmanaged<InputContext>.fromOpaque(context).takeUnretainedValue()
            do {
                return Int32(try input.supplier(UnsafeMutableRawBufferPointer(start: buffer, count: Int(length))))
            } catch {
                input.error = error
                return -1
            }
        }
        let closeCallback: xmlInputCloseCallback = { _ in 0 }
        guard let created = xmlReaderForIO(
            readCallback, closeCallback, Unmanaged.passUnretained(input).toOpaque(), nil, nil,
            XMLSecurity.readerOptions
        ) else {
            throw XMLParseError(line: 0, column: 0, message: "libxml2 could not create a reader")
        }
        reader = created
        installErrorHandler()
    }

    deinit {
        xmlFreeTextReader(reader)
        memory?.deallocate()
    }

    /// Moves to the next node; false at the end of the document.
    ///
    /// Throws `XMLParseError` when the document is not well-formed at this point, or rethrows
    /// what the byte supplier threw.
    public func read() throws -> Bool {
        let result = xmlTextReaderRead(reader)
        if let error = input?.error { throw error }
        if result == 1 { return true }
        if result == 0, firstError == nil { return false }
        throw firstError ?? XMLParseError(line: line, column: 0, message: "the document is not well-formed")
    }

    /// Skips the current element's subtree; the next `read()` lands after its end tag.
    public func skipSubtree() throws {
        let result = xmlTextReaderNext(reader)
        if let error = input?.error { throw error }
        if result < 0 {
            throw firstError ?? XMLParseError(line: line, column: 0, message: "the document is not well-formed")
        }
        hasPendingNode = result == 1
    }

    /// True after `skipSubtree()` left the reader already positioned on the following node.
    public private(set) var hasPendingNode = false

    /// Like `read()`, but consumes a node that `skipSubtree()` already moved to.
    public func advance() throws -> Bool {
        if hasPendingNode {
            hasPendingNode = false
            return true
        }
        return try read()
    }

    public var kind: XMLNodeKind { XMLNodeKind(readerType: xmlTextReaderNodeType(reader)) }

    /// The local name (`post_id` for `wp:post_id`).
    public var localName: String {
        guard let pointer = xmlTextReaderConstLocalName(reader) else { return "" }
        // Element names live in the parser's dictionary (the reader always interns them), so one
        // pointer is one name for the whole parse; other nodes may carry names the reader owns.
        switch kind {
        case .element, .endElement: return interned(pointer, in: &nameCache)
        default: return String(cString: pointer)
        }
    }

    /// The qualified name as written (`wp:post_id`).
    public var qualifiedName: String {
        xmlTextReaderConstName(reader).map { String(cString: $0) } ?? ""
    }

    /// The namespace URI of the current node, empty when it has none.
    public var namespaceURI: String {
        guard let pointer = xmlTextReaderConstNamespaceUri(reader) else { return "" }
        // Namespace URIs live in the parser's dictionary too.
        return interned(pointer, in: &namespaceCache)
    }

    /// A number for the current element's expanded name (namespace URI and local name): the same
    /// for every element of that name in the document, handed out from 0 up in the order names
    /// first occur. A reader of a large document keys a table of known elements with it, which
    /// is cheaper than comparing names as strings at every element.
    ///
    /// ```swift
    /// let id = reader.elementNameID
    /// let (namespaceURI, localName) = reader.expandedName(ofElementNameID: id)
    /// ```
    ///
    /// Meaningful on element and end-element nodes only.
    public var elementNameID: Int {
        // Both strings live in the parser's dictionary for the whole parse, so the pair of
        // pointers identifies the name.
        let key = ExpandedNameKey(
            namespaceURI: xmlTextReaderConstNamespaceUri(reader).map(UnsafeRawPointer.init),
            localName: xmlTextReaderConstLocalName(reader).map(UnsafeRawPointer.init)
        )
        let slot = key.slot
        let recent = recentNameIDs[slot]
        if recent.id >= 0 && recent.key == key { return recent.id }
        let id = nameIDs[key] ?? {
            let id = expandedNames.count
            expandedNames.append((namespaceURI, localName))
            nameIDs[key] = id
            return id
        }()
        recentNameIDs[slot] = (key, id)
        return id
    }

    /// The namespace URI (empty for none) and local name numbered `id` by `elementNameID`.
    public func expandedName(ofElementNameID id: Int) -> (namespaceURI: String, localName: String) {
        expandedNames[id]
    }

    /// The string at a dictionary pointer, decoded once per distinct pointer.
    private func interned(_ pointer: UnsafePointer<xmlChar>, in cache: inout [UnsafeRawPointer: String]) -> String {
        let key = UnsafeRawPointer(pointer)
        if let cached = cache[key] { return cached }
        let text = String(cString: pointer)
        cache[key] = text
        return text
    }

    /// Text of a text node (CDATA included), with predefined and character entities decoded.
    public var value: String {
        xmlTextReaderConstValue(reader).map(string(at:)) ?? ""
    }

    /// The NUL-terminated text libxml2 holds at `text`, validated only when libxml2 may yield
    /// invalid UTF-8.
    func string(at text: UnsafePointer<xmlChar>) -> String {
        guard yieldsValidUTF8 else { return String(cString: text) }
        let bytes = UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
        return String(copying: UTF8Span(unchecked: bytes.span))
    }

    /// Depth of the current node; the root element is 0.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True for `<empty/>`: no end-element node follows.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The line of the current node in the input.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The line the current node starts on, from the parsed tree: exact, whereas `line` is where
    /// the parser is, which runs ahead of the node being read. Falls back to `line` past line
    /// 65535, where libxml2 stops recording node lines.
    public var nodeLine: Int {
        guard let node = xmlTextReaderCurrentNode(reader) else { return line }
        let recorded = Int(xmlGetLineNo(node))
        return recorded > 0 && recorded < 65535 ? recorded : line
    }

    /// The column of the current node in the input.
    public var column: Int { Int(xmlTextReaderGetParserColumnNumber(reader)) }

    /// Bytes consumed from the input so far.
    public var byteOffset: Int { Int(xmlTextReaderByteConsumed(reader)) }

    /// The value of attribute `name` (qualified name as written) on the current element.
    public func attribute(_ name: String) -> String? {
        guard let raw = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { cxml_free(raw) }
        return String(cString: raw)
    }

    /// The current node and its subtree serialised as XML, with the namespace declarations it
    /// uses, so it can be written back verbatim elsewhere.
    public func outerXML() -> String {
        guard let node = xmlTextReaderExpand(reader), let document = xmlNewDoc(nil) else { return "" }
        defer { xmlFreeDoc(document) }
        // Copying into a fresh document declares every namespace the subtree uses on its root.
        guard let copy = xmlDocCopyNode(node, document, 1), let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        xmlDocSetRootElement(document, copy)
        xmlNodeDump(buffer, document, copy, 0, 0)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    /// Called with each problem libxml2 reports that does not stop the parse, as it is met; nil
    /// leaves them unreported. Called on the reading thread, from within `read()`.
    ///
    /// ```swift
    /// reader.onWarning = { warning in print("line \(warning.line): \(warning.message)") }
    /// ```
    public var onWarning: ((XMLParseWarning) -> Void)?

    private func installErrorHandler() {
        let handler: xmlStructuredErrorFunc = { context, error in
            guard let context, let error else { return }
            let this = Unmanaged<XMLPullReader>.fromOpaque(context).takeUnretainedValue()
            let level = error.pointee.level
            let line = Int(error.pointee.line), column = Int(error.pointee.int2)
            let message = (error.pointee.message.map { String(cString: $0) } ?? "the document is not well-formed")
                .trimmingCharacters(in: " \n")
            // A namespace error (a name that is not a URI, an undeclared prefix) leaves the document
            // well-formed XML: libxml2 reports it at level ERROR but reads on and keeps the names as
            // written, as a warning does. Only the others mean the document is not well-formed.
            let isNamespaceError = error.pointee.domain == Int32(XML_FROM_NAMESPACE.rawValue)
            if level == XML_ERR_WARNING || (level == XML_ERR_ERROR && isNamespaceError) {
                this.onWarning?(XMLParseWarning(line: line, column: column, message: message))
                return
            }
            guard level == XML_ERR_ERROR || level == XML_ERR_FATAL, this.firstError == nil else { return }
            this.firstError = XMLParseError(line: line, column: column, message: message)
        }
        xmlTextReaderSetStructuredErrorHandler(reader, handler, Unmanaged.passUnretained(self).toOpaque())
    }
}

/// An element's namespace URI and local name as the parser dictionary's pointers.
private struct ExpandedNameKey: Hashable {
    var namespaceURI: UnsafeRawPointer?
    var localName: UnsafeRawPointer?

    static let slotCount = 256

    /// A slot below `slotCount` (the top 8 bits of a multiplicative hash of both pointers).
    var slot: Int {
        let mixed = (UInt(bitPattern: localName) &* 31 &+ UInt(bitPattern: namespaceURI)) &* 0x9E37_79B9_7F4A_7C15
        return Int(mixed >> 56)
    }
}

/// The byte supplier and the error it threw, shared with libxml2's read callback.
private final class InputContext {
    let supplier: XMLPullReader.ByteSupplier
    var error: Error?

    init(supplier: @escaping XMLPullReader.ByteSupplier) {
        self.supplier = supplier
    }
}

extension String {
    /// The string without the characters of `set` at either end (`"'x'".trimmingCharacters(in: "'\"")` is `x`).
    ///
    /// Compares Unicode scalars, not characters: `"\r\n"` is one `Character`, so a set written
    /// `" \t\r\n"` would otherwise hold CRLF but neither a lone CR nor a lone LF.
    public func trimmingCharacters(in set: String) -> String {
        let members = set.unicodeScalars
        guard let first = unicodeScalars.firstIndex(where: { !members.contains($0) }),
              let last = unicodeScalars.lastIndex(where: { !members.contains($0) }) else {
            return ""
        }
        return String(unicodeScalars[first...last])
    }
}
