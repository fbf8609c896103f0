import TrackwayCore

/// A streaming reader of one export, from a file or from memory.
///
/// ```swift
/// let (reader, file, format) = try openExportReader(.file(path), options: ReadOptions(fileName: path))
/// try reader.read(emit: { record in try store.write(record) }, warn: { print($0) })
/// ```
public protocol ExportReader: AnyObject {
    /// Streams the file: calls `emit` for each record in file order (site first, authors and terms when met, each
    /// post when its closing tag is read, complete with meta, terms and comments). `warn` gets every non-fatal
    /// problem. Throws ImportError (file, line, column, what was expected) when the input is not well-formed; the
    /// records emitted before that point are valid and complete.
    func read(emit: (ImportRecord) throws -> Void, warn: (ImportWarning) -> Void) throws
}

/// Opens `input`, detects the format, returns the right reader (throws ImportError for an unknown format, naming
/// the input and what was expected).
public func openExportReader(_ input: ExportInput, options: ReadOptions) throws -> (ExportReader, ExportFile, ExportFormat) {
    let file = try ExportFile(input)
    switch try ExportFormat.detect(file) {
    case .wxr:
        return (WXRReader(file: file, options: options), file, .wxr)
    case .movableType:
        // The site is named after the file, and a pipe's name (stdin, 63) is no blog's.
        guard !file.isPipe || options.siteKey != nil else {
            throw ImportError(file: options.fileName, line: 0, message: "a Movable Type export names its site after its file, and this is a pipe: name the site with --site-key (mt:NAME, as the file NAME.txt would)")
        }
        return (MTExportReader(file: file, options: options), file, .movableType)
    case .movableTypeBackup:
        return (MTBackupReader(file: file, options: options), file, .movableTypeBackup)
    case .movableTypeBackupArchive:
        return (MTBackupReader(tar: TarArchive(file: file, name: options.fileName), options: options), file, .movableTypeBackupArchive)
    case .movableTypeBackupManifest:
        return (try MTBackupManifest.reader(of: file, input: input, options: options), file, .movableTypeBackupManifest)
    case nil where try file.isPipe && ZipArchive.isArchive(head: file.peek(4)):
        throw ImportError(file: options.fileName, line: 0, message: "a .zip is read from a file, not a pipe (its list of files is at its end): save it to a file and import that")
    case nil:
        throw ImportError(
            file: options.fileName, line: 0,
            message: "unknown export format: expected a WordPress export (an <rss> document binding "
                + "http://wordpress.org/export/N.N/) or a Movable Type export (text starting with a key such as "
                + "AUTHOR: or TITLE:)"
        )
    }
}
