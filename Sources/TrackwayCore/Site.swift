/// A blog as its export describes it: the WXR channel or the Movable Type file.
///
/// `sourceKey` is the site's identity across imports (the WXR blog URL, or the name given for a
/// Movable Type file), so re-importing the same export updates this site instead of adding one.
public struct Site: Sendable, Equatable, Codable {
    public var sourceKey: String
    public var format: SourceFormat
    public var title: String = ""
    public var link: String = ""
    public var description: String = ""
    public var language: String = ""
    public var baseSiteURL: String = ""
    public var baseBlogURL: String = ""
    /// `wp:wxr_version` as written (empty for Movable Type).
    public var wxrVersion: String = ""
    /// The `<generator>` element, or the generator comment's text.
    public var generator: String = ""
    /// The channel `pubDate` as written.
    public var pubDate: String = ""
    /// IANA zone name the local dates of this site are in (`UTC` unless told).
    public var timeZone: String = "UTC"
    /// Channel children the reader does not know, each verbatim, in file order.
    public var unknownElements: [String] = []

    public init(sourceKey: String, format: SourceFormat) {
        self.sourceKey = sourceKey
        self.format = format
    }
}
