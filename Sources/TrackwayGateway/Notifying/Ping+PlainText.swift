import TrackwayStore
import TrackwayXML

extension Ping {
    /// The ping with its post's title, its source's title and its blog name as plain text, what
    /// the owner's feed and `trackway pings list` show: they are stored as HTML text, as
    /// WordPress stores them (`WordPress&#8217;s` shows as `WordPress’s`). `content` stays HTML.
    ///
    /// ```swift
    /// let shown = try store.pings(status: nil, limit: 50).map(\.plainText)
    /// ```
    public var plainText: Ping {
        var ping = self
        ping.postTitle = HTMLLinkScanner.text(ofFragment: postTitle)
        ping.sourceTitle = HTMLLinkScanner.text(ofFragment: sourceTitle)
        ping.blogName = HTMLLinkScanner.text(ofFragment: blogName)
        return ping
    }
}
