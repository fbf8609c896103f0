import TrackwayCore
import TrackwayXML

/// Reads a WordPress eXtended RSS export (WXR 1.0 to 1.2, and newer with a warning) as a stream
/// of records, in constant memory.
///
/// ```swift
/// let reader = WXRReader(file: try ExportFile(path: "blog.xml"), options: ReadOptions(fileName: "blog.xml"))
/// try reader.read(emit: { record in … }, warn: { warning in … })
/// let fromMemory = WXRReader(file: ExportFile(bytes: Array(document.utf8), name: "upload.xml"), options: ReadOptions(fileName: "upload.xml"))
/// ```
///
/// Namespaces are matched by URI, so any prefix works. Characters that would stop libxml2 in a
/// UTF-8 document (C0 controls, invalid UTF-8) are replaced with U+FFFD and counted per post.
/// Entities are never expanded and nothing outside the file is read.
public final class WXRReader: ExportReader {
    private let file: ExportFile
    private let options: ReadOptions

    /// A reader of `file`; nothing is read until `read(emit:warn:)`.
    public init(file: ExportFile, options: ReadOptions) {
        self.file = file
        self.options = options
    }

    public func read(emit: (ImportRecord) throws -> Void, warn: (ImportWarning) -> Void) throws {
        let filter = XMLInputFilter(file: file, isActive: XMLInputFilter.isUTF8Document(prefix: try file.peek(512)))
        let xml = try XMLPullReader(supplier: { try filter.supply($0) }, suppliesValidUTF8: filter.suppliesValidUTF8)
        try withoutActuallyEscaping(emit) { emit in
            try withoutActuallyEscaping(warn) { warn in
                // What libxml2 only warns about (a namespace name that is not a URI) is reported
                // and the import goes on, as WordPress's importer reads such a file.
                xml.onWarning = { [options] warning in
                    warn(ImportWarning(file: options.fileName, line: warning.line, message: warning.message))
                }
                defer { xml.onWarning = nil }
                let parser = WXRParser(xml: xml, filter: filter, options: options, emit: emit, warn: warn)
                do {
                    try parser.parseDocument()
                } catch let error as XMLParseError {
                    throw ImportError(file: options.fileName, line: error.line, column: error.column, message: error.message)
                }
            }
        }
    }
}
