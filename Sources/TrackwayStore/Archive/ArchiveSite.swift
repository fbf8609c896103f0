import TrackwayCore

/// An imported site as its archive pages show it: the blog's name, language and the hosts it lived at.
///
/// ```swift
/// let site = try await reader.site(forHost: "blog.example")
/// print(site?.title ?? "no site lives there")
/// ```
public struct ArchiveSite: Sendable, Equatable {
    /// The row id the other archive queries take as `site`.
    public var id: Int
    /// The site's identity across imports (the WXR blog URL, or the name given for an MT file).
    public var sourceKey: String
    public var format: SourceFormat
    public var title: String
    /// The blog's tagline (WXR channel `description`).
    public var description: String
    /// The language tag the export declared (`en-GB`), empty when it declared none.
    public var language: String
    /// The blog's own address in its old home (the WXR channel `link`).
    public var link: String
    /// The hosts the site lived at, normalised as in `LegacyURLKey` (from its link and base URLs,
    /// or for a site without them, the hosts of its posts' addresses), most telling first.
    public var hosts: [String]
    /// IANA zone of the site's local dates.
    public var timeZone: String

    public init(
        id: Int, sourceKey: String, format: SourceFormat, title: String, description: String, language: String,
        link: String, hosts: [String], timeZone: String
    ) {
        self.id = id
        self.sourceKey = sourceKey
        self.format = format
        self.title = title
        self.description = description
        self.language = language
        self.link = link
        self.hosts = hosts
        self.timeZone = timeZone
    }

    /// The host the site lived at, when one is known.
    public var host: String? { hosts.first }
}
