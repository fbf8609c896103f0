import Foundation
import TrackwayCore
import TrackwayStore
import TrackwayTesting

/// The database the console's browser test moderates: `ArchiveSample`'s blog, whose first post
/// also holds pending pings of every kind, among them two from one spam host (the second on a
/// subdomain) and two whose titles carry script: one stored as markup, one as escaped text.
enum ConsoleSample {
    /// The post the pings name, on the gateway and as TrackBack's target.
    static let postPath = "/2026/03/spring-tides/"

    /// A title that would run script if the console wrote it as markup.
    static let hostileTitle = "<script>alert(1)</script><img src=x onerror=alert(2)>"

    /// The same title stored as HTML text that shows it (how a sender's escaped title is kept).
    static let escapedHostileTitle = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"

    /// The host whose pings the owner blocks.
    static let spamHost = "spam-farm.example"

    /// The pending pings added to the sample's first post, by WXR comment id (`source_id`).
    static let pending: [Comment] = [
        ping("301", "trackback", title: "Tide tables, corrected", url: "http://tides.example/2026/03/corrected/", minute: 20),
        ping("302", "trackback", title: "Photos of the north wall", url: "http://wall.example/photos/", minute: 21),
        ping("303", "trackback", title: "Cheap moorings", url: "http://\(spamHost)/cheap-moorings/", minute: 22),
        ping("304", "trackback", title: "Hostile " + hostileTitle + " title", url: "http://hostile.example/tb/", minute: 23,
             excerpt: "Excerpt " + hostileTitle),
        ping("305", "pingback", title: "More pier notes", url: "http://pier.example/more-notes/", minute: 24),
        ping("306", "pingback", title: "Moorings links", url: "http://www.\(spamHost)/links/", minute: 25),
        ping("307", "pingback", title: escapedHostileTitle, url: "http://escaped.example/", minute: 26),
        ping("308", "webmention", title: "A reply about fenders", url: "http://reply.example/2", minute: 27),
        ping("309", "webmention", title: "Quay notes", url: "http://quay.example/reply", minute: 28),
        ping("310", "webmention", title: "Harbour reply", url: "http://harbour.example/reply", minute: 29),
    ]

    /// Writes the sample to a new database at `path`.
    static func create(at path: String) throws {
        let session = ImportSession(store: try Store(path: path))
        for record in ArchiveSample.records() {
            if case .post(var post) = record, post.sourceID == "10" {
                post.comments += pending
                try session.write(.post(post))
            } else {
                try session.write(record)
            }
        }
        _ = try session.finish()
    }

    private static func ping(_ id: String, _ type: String, title: String, url: String, minute: Int, excerpt: String = "An excerpt.") -> Comment {
        var ping = Comment(sourceID: id)
        ping.commentType = type
        ping.author = title
        ping.blogName = title
        ping.sourceTitle = title
        ping.authorURL = url
        ping.authorIP = "192.0.2.\(minute)"
        ping.content = type == "trackback" ? TrackbackContent.composed(title: title, excerpt: excerpt) : excerpt
        ping.approved = "0"
        ping.date = "2026-03-16 09:\(minute):00"
        ping.dateGMT = ping.date
        return ping
    }
}
