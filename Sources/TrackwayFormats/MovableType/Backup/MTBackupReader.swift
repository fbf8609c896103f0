import TrackwayCore
import TrackwayXML

/// Reads a Movable Type backup (MT 4 to 7, "Backup & Restore") as a stream of records, in flat
/// memory: one document, or the parts a split backup's `.manifest` lists, in order, as one backup.
///
/// ```swift
/// let reader = MTBackupReader(file: try ExportFile(path: "Movable_Type-2011-04-01-Backup.xml"), options: ReadOptions(fileName: "…"))
/// try reader.read(emit: { record in … }, warn: { warning in … })
/// ```
///
/// Only the whitelist of `MTBackupSchema` is read, through the same libxml2 reader and byte
/// filter as WXR (no network, no entity expansion, invalid UTF-8 replaced); every other element
/// is skipped and counted by name, and an author's password columns never leave libxml2.
/// `MTBackupConverter` makes the records.
public final class MTBackupReader: ExportReader {
    /// One document of the backup: its name for messages, and how to open it.
    struct Part {
        var name: String
        var open: () throws -> ExportFile
    }

    private let parts: [Part]
    private let options: ReadOptions

    /// A reader of one backup document.
    public init(file: ExportFile, options: ReadOptions) {
        parts = [Part(name: options.fileName, open: { file })]
        self.options = options
    }

    /// A reader of a split backup: each of `partPaths` in turn (opened as reading reaches it).
    init(partPaths: [String], options: ReadOptions) {
        parts = partPaths.map { path in Part(name: path, open: { try ExportFile(path: path) }) }
        self.options = options
    }

    public func read(emit: (ImportRecord) throws -> Void, warn: (ImportWarning) -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(warn) { warn in
                let converter = MTBackupConverter(fileName: options.fileName, siteKey: options.siteKey, emit: emit, warn: warn)
                for part in parts {
                    converter.fileName = part.name
                    try read(try part.open(), named: part.name, into: converter, warn: warn)
                }
                try converter.finish()
            }
        }
    }

    private func read(_ file: ExportFile, named name: String, into converter: MTBackupConverter, warn: @escaping (ImportWarning) -> Void) throws {
        let filter = XMLInputFilter(file: file, isActive: XMLInputFilter.isUTF8Document(prefix: try file.peek(512)))
        let xml = try XMLPullReader(supplier: { try filter.supply($0) }, suppliesValidUTF8: filter.suppliesValidUTF8)
        xml.onWarning = { warning in warn(ImportWarning(file: name, line: warning.line, message: warning.message)) }
        defer { xml.onWarning = nil }
        do {
            try readRoot(xml, named: name, into: converter)
            while try xml.advance() {
                guard xml.kind == .element, xml.depth == 1 else { continue }
                let element = xml.localName
                guard xml.namespaceURI == MTBackupSchema.namespace, let columns = MTBackupSchema.columns[element] else {
                    converter.skip(elementNamed: element)
                    try xml.skipSubtree()
                    continue
                }
                try converter.add(try readObject(element, columns: columns, xml: xml))
            }
        } catch let error as XMLParseError {
            throw ImportError(file: name, line: error.line, column: error.column, message: error.message)
        }
    }

    private func readRoot(_ xml: XMLPullReader, named name: String, into converter: MTBackupConverter) throws {
        while try xml.read() {
            guard xml.kind == .element else { continue }
            guard xml.localName == "movabletype", xml.namespaceURI == MTBackupSchema.namespace else {
                throw ImportError(
                    file: name, line: xml.line,
                    message: "not a Movable Type backup: the root is <\(xml.qualifiedName)>, expected <movabletype xmlns='\(MTBackupSchema.namespace)'>"
                )
            }
            converter.schemaVersion = xml.attribute("schema_version") ?? converter.schemaVersion
            return
        }
        throw ImportError(file: name, line: 0, message: "not a Movable Type backup: the document has no root element")
    }

    /// The object at the reader: its wanted attributes, then its wanted text children (base64
    /// `meta` and other children are skipped); leaves the reader on its end.
    private func readObject(_ element: String, columns: Set<String>, xml: XMLPullReader) throws -> MTBackupObject {
        var object = MTBackupObject(name: element, attributes: xml.attributes(among: columns), line: xml.nodeLine)
        guard !xml.isEmptyElement else { return object }
        while try xml.advance() {
            switch xml.kind {
            case .endElement where xml.depth == 1:
                return object
            case .element where xml.depth == 2:
                let child = xml.localName
                guard columns.contains(child), !xml.isEmptyElement else {
                    try xml.skipSubtree()
                    continue
                }
                object.children[child] = try readText(xml)
            default:
                continue
            }
        }
        return object
    }

    /// The text of the child element at the reader (nested elements skipped), up to its end.
    private func readText(_ xml: XMLPullReader) throws -> String {
        var text = ""
        while try xml.advance() {
            switch xml.kind {
            case .text, .whitespace: text += xml.value
            case .endElement where xml.depth == 2: return text
            case .element: try xml.skipSubtree()
            default: continue
            }
        }
        return text
    }
}
