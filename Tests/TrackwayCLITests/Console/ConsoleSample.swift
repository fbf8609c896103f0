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
        ping("301", "trackback", "Tide tables, corrected", blog: "Coast Lights", url: "http://tides.example/2026/03/corrected/", minute: 20,
             excerpt: "The equinox tables I posted were an hour out; here they are again."),
        ping("302", "trackback", "Photos of the north wall", blog: "Quayside Camera", url: "http://wall.example/photos/", minute: 21,
             excerpt: "Spray over the north wall at high water, from the lifeboat slip."),
        ping("303", "trackback", "Cheap moorings", blog: "Best Moorings Deals", url: "http://\(spamHost)/cheap-moorings/", minute: 22,
             excerpt: "Cheap moorings, cheap fenders, cheap everything. Click now!"),
        ping("304", "trackback", "Hostile " + hostileTitle + " title", blog: hostileTitle, url: "http://hostile.example/tb/", minute: 23,
             excerpt: "Excerpt " + hostileTitle),
        ping("305", "pingback", "More pier notes", blog: "Pier notes", url: "http://pier.example/more-notes/", minute: 24,
             excerpt: "[&#8230;] the tides climbed the north wall, as the harbour log says [&#8230;]"),
        ping("306", "pingback", "Moorings links", blog: "Best Moorings Deals", url: "http://www.\(spamHost)/links/", minute: 25,
             excerpt: "[&#8230;] moorings moorings moorings [&#8230;]"),
        ping("307", "pingback", escapedHostileTitle, blog: escapedHostileTitle, url: "http://escaped.example/", minute: 26,
             excerpt: "[&#8230;] " + escapedHostileTitle + " [&#8230;]"),
        ping("308", "webmention", "A reply about fenders", blog: "Ines on boats", url: "http://reply.example/2", minute: 27,
             excerpt: "We tied ours double after the equinox, and lost none."),
        ping("309", "webmention", "Quay notes", blog: "Harbour master", url: "http://quay.example/reply", minute: 28,
             excerpt: "Mooring lines long, as the post says: the quay agrees."),
        ping("310", "webmention", "Spring tides, seen from the ferry", blog: "Ferry Log", url: "http://ferry.example/reply", minute: 29,
             excerpt: "From the ferry the north wall looked half its height."),
    ]

    /// Writes the sample to a new database at `location` (a SQLite file or a PostgreSQL database).
    static func create(at location: StoreLocation) throws {
        let session = ImportSession(store: try Store(location: location))
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

    private static func ping(_ id: String, _ type: String, _ title: String, blog: String, url: String, minute: Int, excerpt: String) -> Comment {
        var ping = Comment(sourceID: id)
        ping.commentType = type
        ping.author = blog
        ping.blogName = blog
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
