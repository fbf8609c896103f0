import CLibXML2

/// The root element of a document: its local name and the namespace names its start tag
/// declares, found by libxml2 however long the prolog before it (comments, processing
/// instructions, a DOCTYPE).
///
/// ```swift
/// let root = try XMLRootElement.find { buffer in try file.read(into: buffer) }
/// let isRSS = root?.localName == "rss"
/// ```
///
/// The input is pushed to libxml2 in chunks and the parse stops at the root's start tag, so
/// memory stays flat whatever the prolog's length, and what follows the start tag is never
/// read. A DOCTYPE is parsed but nothing from it is kept or expanded, and nothing is loaded.
public struct XMLRootElement: Sendable, Equatable {
    /// The local name (`rss` for `<rss>` and `<x:rss>`).
    public var localName: String
    /// The `xmlns` and `xmlns:prefix` values of the start tag, in document order.
    public var declaredNamespaceURIs: [String]

    public init(localName: String, declaredNamespaceURIs: [String]) {
        self.localName = localName
        self.declaredNamespaceURIs = declaredNamespaceURIs
    }

    /// The root element of the document `supplier` hands over; nil when the document has none
    /// or is not well-formed before it. Rethrows what `supplier` threw.
    public static func find(in supplier: XMLPullReader.ByteSupplier) throws -> XMLRootElement? {
        _ = XMLSecurity.silenceGlobalErrors
        let search = RootSearch()
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { context, localName, _, _, namespaceCount, namespaces, _, _, _ in
            guard let context else { return }
            let search = Unmanaged<RootSearch>.fromOpaque(context).takeUnretainedValue()
            // Prefix and URI pairs: the URI is the second of each.
            let uris = (0..<Int(max(namespaceCount, 0))).map { index in
                namespaces?[2 * index + 1].map { String(cString: $0) } ?? ""
            }
            search.found = XMLRootElement(localName: localName.map { String(cString: $0) } ?? "", declaredNamespaceURIs: uris)
            if let parser = search.parser { xmlStopParser(parser) }
        }
        // Problems before the root are the reader's to report; here they only end the search.
        handler.serror = { _, _ in }
        guard let parser = xmlCreatePushParserCtxt(&handler, Unmanaged.passUnretained(search).toOpaque(), nil, 0, nil) else {
            throw XMLParseError(line: 0, column: 0, message: "libxml2 could not create a parser")
        }
        defer { xmlFreeParserCtxt(parser) }
        search.parser = parser
        xmlCtxtUseOptions(parser, XMLSecurity.readerOptions)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 1)
        defer { chunk.deallocate() }
        while search.found == nil {
            let count = try supplier(chunk)
            let status = xmlParseChunk(
                parser, chunk.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(count), count == 0 ? 1 : 0
            )
            if search.found == nil && (status != 0 || parser.pointee.wellFormed == 0 || count == 0) { break }
        }
        return search.found
    }
}

/// What the SAX callback reports back, shared with libxml2 as its user data.
private final class RootSearch {
    var parser: xmlParserCtxtPtr?
    var found: XMLRootElement?
}
