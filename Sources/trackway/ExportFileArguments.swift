import ArgumentParser
import Foundation

/// The export files `import` and `migrate` are given, checked before anything is opened: a path
/// that names nothing is a typo, and finding it after a database was made, or after the other
/// files were imported, helps no one.
enum ExportFileArguments {
    /// Throws a `ValidationError` naming the first of `files` that does not exist.
    static func validate(_ files: [String]) throws {
        if let missing = files.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw ValidationError("\(missing): no such file; nothing was imported.")
        }
    }
}
