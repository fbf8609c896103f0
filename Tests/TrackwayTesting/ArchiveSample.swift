import TrackwayCore

/// A small blog with one item in every state the archive must tell apart: public posts, a page
/// and an attachment; drafts, pending, private, scheduled and trashed posts; a password-protected
/// post; a hidden attachment; and on the first post, threaded comments and pings in every
/// moderation state. The store's and the gateway's archive tests read it.
public enum ArchiveSample {
    public static let blog = "http://archive.example"

    /// `/path/` on the sample blog's host.
    public static func url(_ path: String) -> String { blog + path }

    public static func records() -> [ImportRecord] {
        var site = Site(sourceKey: blog, format: .wxr)
        site.title = "Archive Sample"
        site.description = "Tides & nets"
        site.link = blog
        site.baseBlogURL = blog
        site.language = "en-GB"
        var mara = Author(login: "mara")
        mara.displayName = "Mara Quist"
        let boats = Term(taxonomy: "category", slug: "boats")
        var repairs = Term(taxonomy: "category", slug: "repairs")
        repairs.parentSlug = "boats"
        repairs.name = "Repairs"
        var named = boats
        named.name = "Boats"
        return [.site(site), .author(mara), .author(Author(login: "Keeper Brennan")), .term(named), .term(repairs)] + posts().map { .post($0) }
    }

    /// The sample's items; the first holds the discussion.
    public static func posts() -> [Post] {
        var tides = post("10", "Spring tides and the north wall", "/2026/03/spring-tides/", date: "2026-03-16 07:30:00")
        tides.creator = "mara"
        tides.content = "The equinox tides climbed the north wall.\n\nKeep your mooring lines long."
        tides.excerpt = "Equinox tides on the north wall."
        tides.terms = [
            PostTerm(taxonomy: "category", slug: "boats", name: "Boats"), PostTerm(taxonomy: "post_tag", slug: "tides", name: "tides"),
        ]
        tides.comments = [
            comment("101", "Ines", "We lost two fenders.", minute: 1),
            comment("102", "Mara Quist", "Check the lost-and-found box.", minute: 2, parent: "101"),
            comment("103", "Ines", "Found them, thanks!", minute: 3, parent: "102"),
            comment("104", "Waiting", "pending comment text", minute: 4, approved: "0"),
            comment("105", "Spammer", "spam comment text", minute: 5, approved: "spam"),
            comment("106", "Binned", "trashed comment text", minute: 6, approved: "trash"),
            comment("107", "Orphan", "A reply to the spam.", minute: 7, parent: "105"),
            comment("108", "Harbour master", "Second thread.", minute: 8),
            ping("201", "trackback", title: "Tide tables", blog: "Coast Lights", url: "http://coast.example/tides", minute: 10),
            ping("202", "pingback", title: "", blog: "", url: "http://pier.example/notes", minute: 11, author: "Pier notes"),
            ping("203", "trackback", title: "pending ping title", blog: "Held", url: "http://held.example/", minute: 12, approved: "0"),
            ping("204", "pingback", title: "spam ping title", blog: "Spam", url: "http://spam.example/", minute: 13, approved: "spam"),
            ping("205", "webmention", title: "A reply elsewhere", blog: "", url: "http://reply.example/1", minute: 14),
            ping("206", "trackback", title: "trashed ping title", blog: "Bin", url: "http://bin.example/", minute: 15, approved: "trash"),
        ]
        var nets = post("11", "Mending nets", "/2026/02/mending-nets/", date: "2026-02-10 18:00:00")
        nets.creator = "Keeper Brennan"
        nets.content = "Twine, needle and patience."
        nets.terms = [PostTerm(taxonomy: "category", slug: "repairs", name: "Repairs")]
        var about = post("12", "About", "/about/", date: "2025-01-01 00:00:00")
        about.postType = "page"
        var locked = post("18", "Locked notes", "/2026/01/locked/", date: "2026-01-05 12:00:00")
        locked.password = "secret"
        locked.content = "password-only text about the north wall"
        locked.comments = [comment("181", "Insider", "password comment text", minute: 1)]
        var photo = post("19", "Harbour photo", "/2026/03/spring-tides/harbour-photo/", date: "2026-03-16 07:00:00")
        photo.postType = "attachment"
        photo.status = "inherit"
        photo.parentSourceID = "10"
        photo.attachmentURL = blog + "/wp-content/uploads/harbour.jpg"
        var hiddenPhoto = post("20", "Draft photo", "/2026/03/draft-photo/", date: "2026-03-16 07:00:00")
        hiddenPhoto.postType = "attachment"
        hiddenPhoto.status = "inherit"
        hiddenPhoto.parentSourceID = "13"
        var menu = post("21", "Menu item", "/menu-item/", date: "2026-03-16 07:00:00")
        menu.postType = "nav_menu_item"
        return [tides, nets, about]
            + hidden.map { post($0.id, $0.status + " post", "/2026/04/\($0.status)/", date: "2026-04-01 09:00:00", status: $0.status) }
            + [locked, photo, hiddenPhoto, menu]
    }

    /// The items the public never saw, by source id and status.
    public static let hidden: [(id: String, status: String)] = [
        ("13", "draft"), ("14", "pending"), ("15", "private"), ("16", "future"), ("17", "trash"),
    ]

    private static func post(_ id: String, _ title: String, _ path: String, date: String, status: String = "publish") -> Post {
        var post = Post(sourceID: id)
        post.title = title
        post.link = blog + path
        post.guid = blog + "/?p=" + id
        post.status = status
        post.postDate = date
        post.postDateGMT = date
        post.creator = "mara"
        post.slug = String(path.split(separator: "/").last ?? "")
        return post
    }

    private static func comment(
        _ id: String, _ author: String, _ content: String, minute: Int, parent: String = "0", approved: String = "1"
    ) -> Comment {
        var comment = Comment(sourceID: id)
        comment.commentType = "comment"
        comment.author = author
        comment.authorURL = "http://\(author.lowercased().filter(\.isLetter)).example/"
        comment.content = content
        comment.parentSourceID = parent
        comment.approved = approved
        comment.date = "2026-03-16 09:\(minute < 10 ? "0" : "")\(minute):00"
        comment.dateGMT = comment.date
        return comment
    }

    private static func ping(
        _ id: String, _ type: String, title: String, blog: String, url: String, minute: Int, author: String? = nil,
        approved: String = "1"
    ) -> Comment {
        var ping = comment(id, author ?? blog, "Excerpt of \(title.isEmpty ? url : title).", minute: minute, approved: approved)
        ping.commentType = type
        ping.sourceTitle = title
        ping.blogName = blog
        ping.authorURL = url
        return ping
    }
}
