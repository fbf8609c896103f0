/// A post as the gateway sees it when a ping names it: enough to decide whether it takes pings
/// and to build its discovery page.
public struct PingTarget: Sendable, Equatable {
    public var postID: Int
    public var siteID: Int
    /// The post's id in its source (WordPress post ID, MT basename).
    public var sourceID: String
    public var postType: String
    /// `publish`, `draft`, … as imported.
    public var status: String
    public var pingStatus: String
    public var title: String
    public var link: String
    public var guid: String
    /// The Movable Type TrackBack id a backup import recorded for the post (the number in its
    /// `mt-tb.cgi/<id>` URL), when it has an enabled one.
    public var movableTypeTrackbackID: Int?

    public init(
        postID: Int, siteID: Int, sourceID: String, postType: String, status: String, pingStatus: String,
        title: String, link: String, guid: String, movableTypeTrackbackID: Int? = nil
    ) {
        self.postID = postID
        self.siteID = siteID
        self.sourceID = sourceID
        self.postType = postType
        self.status = status
        self.pingStatus = pingStatus
        self.title = title
        self.link = link
        self.guid = guid
        self.movableTypeTrackbackID = movableTypeTrackbackID
    }

    /// True for a published post or page: the only items that can be pinged at all.
    public var isPingable: Bool {
        (postType == "post" || postType == "page") && status == "publish"
    }

    /// True when the post is pingable and its pings are open.
    public var acceptsPings: Bool { isPingable && pingStatus == "open" }
}
