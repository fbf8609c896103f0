/// One TrackBack autodiscovery `rdf:Description` (usually inside an HTML comment, as Movable Type
/// and WordPress write it): which page it describes and where that page takes TrackBack pings.
public struct HTMLTrackbackRDF: Sendable, Equatable {
    /// `trackback:ping`, resolved against the page's URL.
    public var ping: String
    /// `dc:identifier`, else `rdf:about` (the described post's permalink); empty when neither is set.
    public var identifier: String
    /// `dc:title`.
    public var title: String

    public init(ping: String, identifier: String, title: String) {
        self.ping = ping
        self.identifier = identifier
        self.title = title
    }
}
