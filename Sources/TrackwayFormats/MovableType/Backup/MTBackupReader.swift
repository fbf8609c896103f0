import TrackwayCore
import TrackwayXML

/// Reads a Movable Type backup (MT 4 to 7, "Backup & Restore") as a stream of records, in flat
/// memory: one document, the parts a split backup's `.manifest` lists, in order, or the `.xml`
/// documents of MT's `.tar.gz` package in the archive's order (MT writes them in order), as one
/// backup.
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

    /// What comes next: a document of the backup, or a file of its package that is none (an
    /// asset, the manifest), counted as skipped under its name.
    enum Step {
        case part(Part)
        case skipped(String)
    }

    private let nextStep: () throws -> Step?
    private let options: ReadOptions

    /// A reader of one backup document.
    public convenience init(file: ExportFile, options: ReadOptions) {
        self.init(parts: [Part(name: options.fileName, open: { file })], options: options)
    }

    /// A reader of a split backup: each of `parts` in turn (opened as reading reaches it).
    init(parts: [Part], options: ReadOptions) {
        var remaining = parts.makeIterator()
        nextStep = { remaining.next().map(Step.part) }
        self.options = options
    }

    /// A reader of MT's tar package: its `.xml` members in the archive's order; the others
    /// (assets, the manifest) are counted as skipped.
    init(tar archive: TarArchive, options: ReadOptions) {
        nextStep = {
            guard let member = try archive.nextMember() else { return nil }
            guard member.name.lowercased().hasSuffix(".xml") else {
                return .skipped(member.name.lowercased().hasSuffix(".manifest") ? "manifest (in the package)" : "file in the package (an asset)")
            }
            return .part(Part(name: member.displayName, open: { ExportFile(tarMember: archive, size: member.size, name: member.displayName) }))
        }
        self.options = options
    }

    public func read(emit: (ImportRecord) throws -> Void, warn: (ImportWarning) -> Void) throws {
        try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(warn) { warn in
                let converter = MTBackupConverter(fileName: options.fileName, siteKey: options.siteKey, emit: emit, warn: warn)
                while let step = try nextStep() {
                    switch step {
                    case .part(let part):
                        converter.fileName = part.name
                        try read(try part.open(), named: part.name, into: converter, warn: warn)
                    case .skipped(let name):
                        converter.skip(elementNamed: name)
                    }
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
        // The kept element of each name met, by the reader's name id: one array index an object,
        // where the name as a string cost a hash in two dictionaries and a comparison.
        var elements: [MTBackupElement?] = []
        do {
            try readRoot(xml, named: name, into: converter)
            while try xml.advance() {
                guard xml.kind == .element, xml.depth == 1 else { continue }
                let id = xml.elementNameID
                while elements.count <= id {
                    let (namespaceURI, localName) = xml.expandedName(ofElementNameID: elements.count)
                    elements.append(namespaceURI == MTBackupSchema.namespace ? MTBackupSchema.elements[localName] : nil)
                }
                guard let element = elements[id] else {
                    converter.skip(elementNamed: xml.expandedName(ofElementNameID: id).localName)
                    try xml.skipSubtree()
                    continue
                }
                try converter.add(try readObject(element, xml: xml))
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
    private func readObject(_ element: MTBackupElement, xml: XMLPullReader) throws -> MTBackupObject {
        var object = MTBackupObject(element: element, line: xml.nodeLine)
        xml.attributes(among: element.names) { position, text in object.setAttribute(at: position, text) }
        guard !xml.isEmptyElement else { return object }
        while try xml.advance() {
            switch xml.kind {
            case .endElement where xml.depth == 1:
                return object
            case .element where xml.depth == 2:
                guard let position = xml.localNameIndex(in: element.names), !xml.isEmptyElement else {
                    try xml.skipSubtree()
                    continue
                }
                object.setChild(at: position, try readText(xml))
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
