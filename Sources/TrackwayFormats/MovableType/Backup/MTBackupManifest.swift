import TrackwayCore
import TrackwayXML

/// A split backup's index (`Movable_Type-…-Backup.manifest`): the backup documents MT wrote, in
/// order, beside it.
///
/// ```swift
/// let parts = try MTBackupManifest.partPaths(of: try ExportFile(path: dir + "/x.manifest"), named: dir + "/x.manifest")
/// ```
enum MTBackupManifest {
    /// The paths of the backup files `manifest` lists (`<file type='backup' name='…'/>`), beside
    /// it. Refuses a name with a slash or `..`, and a manifest that lists none.
    static func partPaths(of manifest: ExportFile, named path: String) throws -> [String] {
        let filter = XMLInputFilter(file: manifest, isActive: XMLInputFilter.isUTF8Document(prefix: try manifest.peek(512)))
        let xml = try XMLPullReader(supplier: { try filter.supply($0) }, suppliesValidUTF8: filter.suppliesValidUTF8)
        let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var paths: [String] = []
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
                paths.append(directory + name)
            }
        } catch let error as XMLParseError {
            throw ImportError(file: path, line: error.line, column: error.column, message: error.message)
        }
        guard !paths.isEmpty else {
            throw ImportError(file: path, line: 0, message: "the manifest lists no backup file (<file type='backup' name='…'/>)")
        }
        return paths
    }
}
