import Foundation
import TrackwayCore
import TrackwayStore
import TrackwayTesting

/// A second site imported into a running `GatewayHarness`'s database for the read API tests:
/// posts in each visibility state, each holding comments and pings in each moderation state.
/// The expected answers are read off these records, never off the code under test.
enum MentionsSite {
    static let host = "http://mentions.example"
    /// Published; holds one approved item of each kind, and hidden ones of each state.
    static let talkedAbout = "http://mentions.example/2020/05/talked-about/"
    static let talkedAboutID = "101"
    /// Published; 120 approved comments, an hour apart from 2021-01-01 00:00 UTC.
    static let popular = "http://mentions.example/2021/01/popular/"
    static let popularComments = 120
    /// Published; a comment, a trackback and a pingback carrying each string of the shared XSS
    /// corpus (`HTMLSafety.corpus()`) in every field.
    static let hostile = "http://mentions.example/2022/02/hostile/"
    /// Published; one approved comment whose export gave its local time only.
    static let localTimeOnly = "http://mentions.example/2019/03/local-time-only/"
    static let privatePost = "http://mentions.example/2020/06/private/"
    static let draftPost = "http://mentions.example/2020/07/draft/"
    static let protectedPost = "http://mentions.example/2020/08/protected/"

    /// One comment or ping as imported: `kind` is WordPress's `comment_type`, `approved` its
    /// `comment_approved`.
    struct Item {
        let id: String
        let kind: String
        let approved: String
        let author: String
        let url: String
        let content: String
        let date: String
        let dateGMT: String
    }

    /// `talkedAbout`'s items; the approved ones, oldest first, are the comment from Ada, the
    /// trackback from Peer Blog, the pingback from the citing page and the webmention.
    static let talkedAboutItems = [
        Item(id: "1", kind: "", approved: "1", author: "Ada &amp; Co", url: "https://ada.example/",
             content: "First <b>reply</b>, <a href=\"http://ada.example/more\">more</a>", date: "2020-05-02 10:00:00", dateGMT: "2020-05-02 08:00:00"),
        Item(id: "2", kind: "", approved: "0", author: "Held Back", url: "https://held.example/",
             content: "pending comment", date: "2020-05-06 10:00:00", dateGMT: "2020-05-06 10:00:00"),
        Item(id: "3", kind: "", approved: "spam", author: "Spammer", url: "https://spam.example/",
             content: "spam comment", date: "2020-05-06 11:00:00", dateGMT: "2020-05-06 11:00:00"),
        Item(id: "4", kind: "", approved: "trash", author: "Binned", url: "https://trash.example/",
             content: "trashed comment", date: "2020-05-06 12:00:00", dateGMT: "2020-05-06 12:00:00"),
        Item(id: "5", kind: "trackback", approved: "1", author: "Peer Blog", url: "http://peer.example/2020/05/answer/",
             content: "<strong>Peer title</strong>\n\nPeer excerpt", date: "2020-05-03 09:00:00", dateGMT: "2020-05-03 09:00:00"),
        Item(id: "6", kind: "trackback", approved: "0", author: "Pending Blog", url: "http://pending.example/post/",
             content: "<strong>Pending title</strong>\n\nPending excerpt", date: "2020-05-06 13:00:00", dateGMT: "2020-05-06 13:00:00"),
        Item(id: "7", kind: "pingback", approved: "1", author: "Citing page &#8211; title", url: "http://cite.example/page",
             content: "[&#8230;] cites the post [&#8230;]", date: "2020-05-04 09:00:00", dateGMT: "2020-05-04 09:00:00"),
        Item(id: "8", kind: "pingback", approved: "spam", author: "Spam page", url: "http://spam.example/ping",
             content: "[&#8230;] spam [&#8230;]", date: "2020-05-06 14:00:00", dateGMT: "2020-05-06 14:00:00"),
        Item(id: "9", kind: "webmention", approved: "1", author: "Mentioner", url: "http://wm.example/note",
             content: "A note", date: "2020-05-05 09:00:00", dateGMT: "2020-05-05 09:00:00"),
        Item(id: "10", kind: "trackback", approved: "trash", author: "Trashed Blog", url: "http://trashed.example/post/",
             content: "<strong>Trashed title</strong>\n\nTrashed excerpt", date: "2020-05-06 15:00:00", dateGMT: "2020-05-06 15:00:00"),
    ]

    /// Imports the site into the database at `path` (the harness's, while it runs).
    static func importSite(into path: String) throws {
        var site = Site(sourceKey: host, format: .wxr)
        site.title = "Mentions"
        site.link = host
        site.baseBlogURL = host
        let session = ImportSession(store: try Store(path: path))
        try session.write(.site(site))
        try session.write(.post(post(talkedAboutID, talkedAbout, comments: talkedAboutItems.map(comment))))
        var popularComments: [Comment] = []
        for hour in 0..<Self.popularComments {
            let time = "2021-01-\(String(format: "%02d", 1 + hour / 24)) \(String(format: "%02d", hour % 24)):00:00"
            popularComments.append(comment(Item(
                id: String(1000 + hour), kind: "", approved: "1", author: "Reader \(hour)", url: "", content: "Comment \(hour)",
                date: time, dateGMT: time
            )))
        }
        try session.write(.post(post("102", popular, comments: popularComments)))
        var hostileItems: [Comment] = []
        for (index, markup) in try HTMLSafety.corpus().enumerated() {
            for kind in ["", "trackback", "pingback"] {
                hostileItems.append(comment(Item(
                    id: String(2000 + hostileItems.count), kind: kind, approved: "1", author: markup,
                    url: kind.isEmpty ? "javascript:alert(0)" : "http://hostile.example/\(index)/\(kind)",
                    content: kind == "trackback" ? "<strong>\(markup)</strong>\n\n\(markup)" : markup,
                    date: "2022-02-02 10:00:00", dateGMT: "2022-02-02 10:00:00"
                )))
            }
        }
        try session.write(.post(post("103", hostile, comments: hostileItems)))
        let undated = Item(id: "1", kind: "", approved: "1", author: "Old Reader", url: "", content: "From an old export",
                           date: "2019-03-04 05:06:07", dateGMT: "0000-00-00 00:00:00")
        try session.write(.post(post("107", localTimeOnly, comments: [comment(undated)])))
        let hidden = Item(id: "1", kind: "trackback", approved: "1", author: "Hidden", url: "http://hidden.example/",
                          content: "on a hidden post", date: "2020-06-01 00:00:00", dateGMT: "2020-06-01 00:00:00")
        try session.write(.post(post("104", privatePost, status: "private", comments: [comment(hidden)])))
        try session.write(.post(post("105", draftPost, status: "draft", comments: [comment(hidden)])))
        var protected = post("106", protectedPost, comments: [comment(hidden)])
        protected.password = "secret"
        try session.write(.post(protected))
        _ = try session.finish()
    }

    private static func post(_ id: String, _ link: String, status: String = "publish", comments: [Comment]) -> Post {
        var post = Post(sourceID: id)
        post.status = status
        post.title = "Post \(id)"
        post.link = link
        post.guid = "\(host)/?p=\(id)"
        post.comments = comments
        return post
    }

    private static func comment(_ item: Item) -> Comment {
        var comment = Comment(sourceID: item.id)
        comment.commentType = item.kind
        comment.approved = item.approved
        comment.author = item.author
        comment.authorURL = item.url
        comment.content = item.content
        comment.date = item.date
        comment.dateGMT = item.dateGMT
        return comment
    }
}
