import TrackwayCore
import TrackwayStore

/// A post's, page's or attachment's archive page: the article (title, date, author, terms,
/// content, or for an attachment its file), then its approved comments in threads, then in a
/// section of their own its approved trackbacks, pingbacks and webmentions, each with title,
/// blog name, excerpt, date and a link to the source. A password-protected post shows its
/// title and a notice only.
struct PostPage {
    let site: ArchiveSite
    let post: ArchivePost
    let comments: ArchivePage<ArchiveComment>
    let pings: ArchivePage<ArchivePing>
    let links: ArchiveLinks
    /// The post's discovery markup, for a post that takes pings in principle.
    let discovery: DiscoveryPage?

    func html() throws -> [UInt8] {
        let layout = ArchiveLayout(
            site: site, links: links, headMarkup: discovery?.headMarkup ?? "", endMarkup: discovery?.rdfMarkup ?? ""
        )
        let title = ArchiveText.plain(post.title)
        return try layout.render(title: (title.isEmpty ? "Untitled" : title) + " – " + ArchiveText.siteTitle(site)) { html in
            try html.element("article", ["id": "post-\(post.id)", "class": "entry \(post.postType)"]) {
                try header(html, title: title)
                try body(html)
                try footer(html)
            }
            guard !post.isPasswordProtected else { return }
            if comments.total > 0 { try commentSection(html) }
            if pings.total > 0 { try pingSection(html) }
            let pages = max(comments.pageCount, pings.pageCount)
            if pages > 1 { try pagination(html, pages: pages) }
        }
    }

    private func header(_ html: HTMLWriter, title: String) throws {
        try html.element("header") {
            try html.element("h1", text: title.isEmpty ? "Untitled" : title)
            guard post.postType != "page" else { return }
            try html.element("p", ["class": "entry-meta"]) {
                try html.text("Posted on ")
                try ArchiveLayout.time(post.date, in: html)
                if !post.authorLogin.isEmpty {
                    try html.text(" by ")
                    try html.element("a", ["href": links.listing(.author(post.authorLogin)), "rel": "author"], text: ArchiveText.plain(post.authorName))
                }
            }
        }
    }

    private func body(_ html: HTMLWriter) throws {
        if post.isPasswordProtected {
            try html.element("p", ["class": "protected"], text: "This content is password protected. It was not shown to the public and is not shown here.")
            return
        }
        if post.postType == "attachment" {
            try attachment(html)
        }
        try html.element("div", ["class": "entry-content"]) { try html.markup(ArchiveText.content(post)) }
    }

    /// The file: an image inline, anything else as a link.
    private func attachment(_ html: HTMLWriter) throws {
        guard let file = HTMLText.webAddress(post.attachmentURL) else { return }
        let name = file.split(separator: "/").last.map(String.init) ?? file
        try html.element("figure", ["class": "attachment"]) {
            if Self.isImage(file) {
                try html.element("img", ["src": file, "alt": ArchiveText.plain(post.title)])
            } else {
                try html.element("a", ["href": file], text: name)
            }
            if let parent = post.parent {
                try html.element("figcaption") {
                    try html.text("Attached to ")
                    try html.element("a", ["href": links.post(parent.link)], text: ArchiveText.plain(parent.title))
                }
            }
        }
    }

    private static func isImage(_ url: String) -> Bool {
        let path = url.split(separator: "?").first.map { $0.lowercased() } ?? ""
        return [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"].contains { path.hasSuffix($0) }
    }

    private func footer(_ html: HTMLWriter) throws {
        guard !post.categories.isEmpty || !post.tags.isEmpty || HTMLText.webAddress(post.link) != nil else { return }
        try html.element("footer", ["class": "entry-footer"]) {
            for (label, terms) in [("Categories", post.categories), ("Tags", post.tags)] where !terms.isEmpty {
                try html.element("p") {
                    try html.text(label + ": ")
                    for (index, term) in terms.enumerated() {
                        if index > 0 { try html.text(", ") }
                        let filter = ArchiveFilter.term(taxonomy: term.taxonomy, slug: term.slug)
                        try html.element("a", ["href": links.listing(filter, path: term.path), "rel": "tag"], text: ArchiveText.plain(term.name.isEmpty ? term.slug : term.name))
                    }
                }
            }
            if let original = HTMLText.webAddress(post.link) {
                try html.element("p") {
                    try html.text("Originally at ")
                    try html.element("a", ["href": original], text: original)
                }
            }
        }
    }

    // MARK: Comments

    private func commentSection(_ html: HTMLWriter) throws {
        var replies: [Int: [ArchiveComment]] = [:]
        var threads: [ArchiveComment] = []
        for comment in comments.items {
            if let parent = comment.parentID { replies[parent, default: []].append(comment) } else { threads.append(comment) }
        }
        try html.element("section", ["id": "comments", "class": "comments"]) {
            try html.element("h2", text: ArchiveLayout.count(post.commentCount, "comment", "comments"))
            try html.element("ol", ["class": "comment-list"]) {
                for thread in threads { try comment(thread, replies: replies, html) }
            }
        }
    }

    private func comment(_ comment: ArchiveComment, replies: [Int: [ArchiveComment]], _ html: HTMLWriter) throws {
        try html.element("li", ["id": "comment-\(comment.id)"]) {
            try html.element("article", ["class": "comment"]) {
                try html.element("header") {
                    let author = ArchiveText.plain(comment.author)
                    if let url = HTMLText.webAddress(comment.authorURL) {
                        try html.element("a", ["href": url, "rel": "external nofollow ugc", "class": "author"], text: author.isEmpty ? "Anonymous" : author)
                    } else {
                        try html.element("span", ["class": "author"], text: author.isEmpty ? "Anonymous" : author)
                    }
                    try html.text(" ")
                    try ArchiveLayout.time(comment.date, in: html)
                }
                try html.element("div", ["class": "comment-content"]) { try html.markup(ArchiveText.strangerHTML(comment.content)) }
            }
            if let children = replies[comment.id], !children.isEmpty {
                try html.element("ol", ["class": "children"]) {
                    for child in children { try self.comment(child, replies: replies, html) }
                }
            }
        }
    }

    // MARK: Pings

    private func pingSection(_ html: HTMLWriter) throws {
        try html.element("section", ["id": "pings", "class": "pings"]) {
            try html.element("h2", text: ArchiveLayout.count(post.pingCount, "trackback, pingback or webmention", "trackbacks, pingbacks and webmentions"))
            try html.element("ol", ["class": "ping-list"]) {
                for ping in pings.items { try self.ping(ping, html) }
            }
        }
    }

    private func ping(_ ping: ArchivePing, _ html: HTMLWriter) throws {
        let display = ping.display
        let title = ArchiveText.plain(display.title)
        let blog = ArchiveText.plain(display.blogName)
        try html.element("li", ["id": "comment-\(ping.id)"]) {
            try html.element("article", ["class": "ping \(ping.kind.rawValue)"]) {
                try html.element("header") {
                    try html.element("h3") {
                        if let url = HTMLText.webAddress(ping.sourceURL) {
                            try html.element("a", ["href": url, "rel": "nofollow ugc"], text: title.isEmpty ? ping.sourceURL : title)
                        } else {
                            try html.text(title.isEmpty ? ping.sourceURL : title)
                        }
                    }
                    try html.element("p", ["class": "ping-meta"]) {
                        try html.text(Self.kindName(ping.kind))
                        if !blog.isEmpty { try html.text(" from " + blog) }
                        try html.text(", ")
                        try ArchiveLayout.time(ping.date, in: html)
                    }
                }
                if !display.excerpt.isEmpty {
                    try html.element("blockquote", ["class": "ping-excerpt", "cite": HTMLText.webAddress(ping.sourceURL)]) {
                        try html.markup(ArchiveText.strangerHTML(display.excerpt))
                    }
                }
            }
        }
    }

    private static func kindName(_ kind: CommentKind) -> String {
        switch kind {
        case .pingback: "Pingback"
        case .webmention: "Webmention"
        default: "Trackback"
        }
    }

    private func pagination(_ html: HTMLWriter, pages: Int) throws {
        let current = comments.page
        try html.element("nav", ["class": "pagination", "aria-label": "Comment pages"]) {
            if current > 1 {
                try html.element("a", ["rel": "prev", "href": links.post(post.link, commentPage: current - 1)], text: "Earlier comments")
                try html.text(" ")
            }
            try html.element("span", text: "Comment page \(current) of \(pages)")
            if current < pages {
                try html.text(" ")
                try html.element("a", ["rel": "next", "href": links.post(post.link, commentPage: current + 1)], text: "Later comments")
            }
        }
    }
}
