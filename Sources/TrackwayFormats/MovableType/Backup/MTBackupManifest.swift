import TrackwayCore
import TrackwayXML

/// A split backup's index (`Movable_Type-…-Backup.manifest`): the backup documents MT wrote, in
/// order, beside it.
///
/// ```swift
/// let names = try MTBackupManifest.partNames(of: try ExportFile(path: "x.manifest"), named: "x.manifest")
/// ```
enum MTBackupManifest {
    /// The names of the backup files `manifest` lists (`<file type='backup' name='…'/>`), which
    /// lie beside it. Refuses a name with a slash or `..`, and a manifest that lists none.
    static func partNames(of manifest: ExportFile, named path: String) throws -> [String] {
        let filter = XMLInputFilter(file: manifest, isActive: XMLInputFilter.isUTF8Document(prefix: try manifest.peek(512)))
        let xml = try XMLPullReader(supplier: { try filter.supply($0) }, suppliesValidUTF8: filter.suppliesValidUTF8)
        var names: [String] = []
        do {
            while try xml.read() {
                guard xml.kind == .element else { continue }
                if xml.depth == 0 {
                    guard xml.localName == "manifest", xml.namespaceURI == MTBackupSchema.namespace else {
                        throw ImportError(file: path, line: xml.nodeLine, message: "The uploaded file was not a valid Movable Type backup manifest file.")
                    }
                    continue
                }
                guard xml.localName == "file", xml.attribute("type") == "backup" else { continue }
                let name = xml.attribute("name") ?? ""
                guard !name.isEmpty, !name.contains("/"), !name.contains("\\"), name != "..", name != "." else {
                    throw ImportError(file: path, line: xml.nodeLine, message: "the manifest names a backup file '\(name)': expected a file name beside the manifest, without a directory")
                }
                names.append(name)
            }
        } catch let error as XMLParseError {
            throw ImportError(file: path, line: error.line, column: error.column, message: error.message)
        }
        guard !names.isEmpty else {
            throw ImportError(file: path, line: 0, message: "the manifest lists no backup file (<file type='backup' name='…'/>)")
        }
        return names
    }

    /// The backup reader of the parts the manifest `input` lists: files beside it on disk, or
    /// entries beside it in its zip archive (MT's zip package).
    static func reader(of manifest: ExportFile, input: ExportInput, options: ReadOptions) throws -> MTBackupReader {
        let names = try partNames(of: manifest, named: input.name)
        switch input {
        case .file(let path):
            let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
            return MTBackupReader(parts: names.map { name in
                MTBackupReader.Part(name: directory + name, open: { try ExportFile(path: directory + name) })
            }, options: options)
        case .zipEntry(let entry):
            let directory = entry.name.lastIndex(of: "/").map { String(entry.name[...$0]) } ?? ""
            let siblings = try ZipArchive.entries(path: entry.archive)
            return MTBackupReader(parts: try names.map { name in
                guard let part = siblings.first(where: { $0.name == directory + name }) else {
                    throw ImportError(file: input.name, line: 0, message: "the manifest lists '\(name)', which \(entry.archive) does not hold")
                }
                return MTBackupReader.Part(name: part.displayName, open: { try ExportFile(zipEntry: part) })
            }, options: options)
        case .bytes:
            throw ImportError(file: input.name, line: 0, message: "a split Movable Type backup's manifest is read beside its files: name the .manifest file on disk, or the .zip holding it")
        }
    }
}
