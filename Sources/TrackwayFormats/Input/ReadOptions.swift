/// How to read an export file: its name for messages, and facts the file itself does not carry.
///
/// ```swift
/// var options = ReadOptions(fileName: "blog.txt")
/// options.timeZone = "Europe/Paris"   // Movable Type dates are local and carry no zone
/// options.charset = "windows-1252"
/// ```
public struct ReadOptions: Sendable {
    /// The path as the user typed it, or the name given to bytes in memory; shown in every
    /// warning and error.
    public var fileName: String
    /// The IANA zone Movable Type's local dates are in; recorded on the `Site`.
    public var timeZone: String = "UTC"
    /// The Movable Type input charset (`ISO-8859-1`, `windows-1252`, …); nil means UTF-8.
    public var charset: String? = nil
    /// Overrides the site's identity (`Site.sourceKey`).
    public var siteKey: String? = nil
    /// What a Movable Type site is named after when `siteKey` is nil: the file's path, or the
    /// entry's name in a zip archive, so the parts of a site zipped together merge as they do
    /// when named one by one.
    public var siteFileName: String

    public init(fileName: String) {
        self.fileName = fileName
        siteFileName = fileName
    }
}
