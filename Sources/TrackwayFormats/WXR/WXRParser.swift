import TrackwayCore
import TrackwayXML

/// One pass over a WXR document: walks the pull reader and turns elements into records.
///
/// Every element handler consumes its element up to its end tag (by reading its text, its
/// children, or skipping it), so `forEachChild` always sees the next sibling.
final class WXRParser {
    let xml: XMLPullReader
    let filter: XMLInputFilter
    let options: ReadOptions
    let emit: (ImportRecord) throws -> Void
    let warn: (ImportWarning) -> Void

    var site = Site(sourceKey: "", format: .wxr)
    var versionLine = 0
    /// True once the site, authors and terms met before the first item have been emitted.
    var headerEmitted = false
    /// The site changed after it was emitted (late channel children), so it is emitted again at the end.
    var siteChangedAfterEmit = false
    var pendingAuthors: [Author] = []
    var knownAuthors: Set<String> = []
    var terms = WXRTermSet()
    var itemCount = 0
    /// What WordPress's importer would do with each item, for the warnings that say so.
    var wordPressImporter = WordPressImporterModel()
    /// Replacements counted inside items, to report the rest at file level.
    var replacedInItems = 0
    /// U+FFFD characters met in the current item's text (counted only once the filter replaced any).
    var replacedInItem = 0
    /// Whether an item is being read, and its post id once its `wp:post_id` was read.
    var inItem = false
    var currentPostID: String?
    /// The item being read, for warnings (`post 42`, or `item 7` before its post id); empty
    /// outside items. Spelled out only when a warning needs it.
    var currentItem: String {
        guard inItem else { return "" }
        return currentPostID.map { "post \($0)" } ?? "item \(itemCount)"
    }
    /// Entities already reported for `entityWarningsItem`: one warning each per item, however
    /// often a blow-up repeats the reference.
    private var warnedEntities: Set<String> = []
    private var entityWarningsItem = ""
    /// The element of each reader name id met so far, indexed by the id.
    private var elements: [WXRElement] = []
    /// Each namespace URI met so far: a handful per document, whereas classifying one runs
    /// regexes (parsed anew at each evaluation) and new element names come by the dozen.
    private var namespaces: [String: WXRNamespace] = [:]

    init(
        xml: XMLPullReader, filter: XMLInputFilter, options: ReadOptions,
        emit: @escaping (ImportRecord) throws -> Void, warn: @escaping (ImportWarning) -> Void
    ) {
        self.xml = xml
        self.filter = filter
        self.options = options
        self.emit = emit
        self.warn = warn
    }

    func parseDocument() throws {
        while try xml.advance() {
            guard xml.kind == .element else { continue }
            guard element() == .rss else {
                throw ImportError(
                    file: options.fileName, line: xml.nodeLine, column: xml.column,
                    message: "expected an <rss> root element, found <\(xml.qualifiedName)>"
                )
            }
            try forEachChild { element in
                if element == .channel {
                    try parseChannel()
                } else {
                    try xml.skipSubtree()
                }
            }
        }
        // Reaching the end proves the rest of the document is well-formed too.
        let outside = filter.replacedCount - replacedInItems
        if outside > 0 {
            warn(ImportWarning(file: options.fileName, line: 0, message: "replaced \(outside) invalid characters outside items"))
        }
    }

    // MARK: Walking the tree

    /// The current element, classified once per distinct name in the document.
    func element() -> WXRElement {
        let id = xml.elementNameID
        // Ids count up from 0 in the order names first occur, so a new one extends the table.
        while elements.count <= id {
            let name = xml.expandedName(ofElementNameID: elements.count)
            let namespace = namespaces[name.namespaceURI] ?? WXRNamespace(uri: name.namespaceURI)
            namespaces[name.namespaceURI] = namespace
            elements.append(WXRElement(namespace: namespace, localName: name.localName))
        }
        return elements[id]
    }

    /// Calls `body` with each child element of the current element; `body` must consume the child.
    func forEachChild(_ body: (WXRElement) throws -> Void) throws {
        guard !xml.isEmptyElement else { return }
        let depth = xml.depth
        while try xml.advance() {
            switch xml.kind {
            case .element:
                try body(element())
            case .endElement where xml.depth == depth:
                return
            case .entityReference:
                warnUnexpandedEntity()
            default:
                continue
            }
        }
    }

    /// The text content of the current element (CDATA sections joined), consuming it.
    func text() throws -> String {
        guard !xml.isEmptyElement else { return "" }
        let depth = xml.depth
        var result = ""
        while try xml.advance() {
            switch xml.kind {
            case .text, .whitespace:
                result += xml.value
            case .endElement where xml.depth == depth:
                countReplacements(in: result)
                return result
            case .entityReference:
                warnUnexpandedEntity()
            case .element:
                try xml.skipSubtree()
            default:
                continue
            }
        }
        return result
    }

    /// The text content as an integer, `fallback` when it is not one.
    func integer(default fallback: Int = 0) throws -> Int {
        Int(try text().trimmingWhitespace()) ?? fallback
    }

    /// The current element verbatim (with the namespace declarations it uses), consuming it.
    func verbatim() throws -> String {
        let markup = xml.outerXML()
        countReplacements(in: markup)
        try xml.skipSubtree()
        return markup
    }

    /// `key`/`value` of a `wp:postmeta`, `wp:commentmeta` or `wp:termmeta`.
    func metaEntry() throws -> MetaEntry {
        var entry = MetaEntry(key: "", value: "")
        try forEachChild { element in
            switch element {
            case .metaKey: entry.key = try text()
            case .metaValue: entry.value = try text()
            default: try xml.skipSubtree()
            }
        }
        return entry
    }

    private func countReplacements(in text: String) {
        guard filter.replacedCount > 0 else { return }
        var utf8 = text.utf8.makeIterator()
        var state = 0
        // A byte-level scan for EF BF BD: cheaper than walking unicode scalars.
        while let byte = utf8.next() {
            switch (state, byte) {
            case (_, 0xEF): state = 1
            case (1, 0xBF): state = 2
            case (2, 0xBD): replacedInItem += 1; state = 0
            default: state = 0
            }
        }
    }

    private func warnUnexpandedEntity() {
        if entityWarningsItem != currentItem {
            entityWarningsItem = currentItem
            warnedEntities = []
        }
        guard warnedEntities.insert(xml.qualifiedName).inserted else { return }
        warn(ImportWarning(
            file: options.fileName, line: xml.nodeLine, item: currentItem,
            message: "entity reference &\(xml.qualifiedName); is not expanded; the text is kept without it"
        ))
    }
}
