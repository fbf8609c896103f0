import TrackwayStore

/// A page of posts, newest first: the home page, a category, tag, author or monthly archive, or
/// search results. Each post shows its title, date, author, excerpt and comment and ping
/// counts; WordPress's older/newer links page through.
struct ListingPage {
    let site: ArchiveSite
    let filter: ArchiveFilter
    /// What the heading names: the term's or author's name (empty for the home page and search).
    let subject: String
    /// For a category: its slugs from the top ancestor, for its links.
    let path: [String]
    let posts: ArchivePage<ArchivePost>
    let links: ArchiveLinks

    func html() throws -> [UInt8] {
        var layout = ArchiveLayout(site: site, links: links)
        if case .search(let text) = filter { layout.search = text }
        let siteTitle = ArchiveText.siteTitle(site)
        let page = posts.page > 1 ? " – Page \(posts.page)" : ""
        return try layout.render(title: heading.map { $0 + page + " – " + siteTitle } ?? siteTitle + page) { html in
            try html.element("h1", text: heading ?? "Recent posts")
            if posts.items.isEmpty { try html.element("p", text: "Nothing matched.") }
            for post in posts.items { try entry(post, html) }
            if posts.pageCount > 1 { try pagination(html) }
        }
    }

    private var heading: String? {
        switch filter {
        case .all: nil
        case .term(let taxonomy, _): (taxonomy == "category" ? "Category: " : "Tag: ") + subject
        case .author: "Author: " + subject
        case .month(let year, let month): "Month: " + ArchiveLayout.monthName(month, year)
        case .search(let text): "Search results for “\(text)”"
        }
    }

    private func entry(_ post: ArchivePost, _ html: HTMLWriter) throws {
        let title = ArchiveText.plain(post.title)
        try html.element("article", ["id": "post-\(post.id)", "class": "entry summary"]) {
            try html.element("header") {
                try html.element("h2") {
                    try html.element("a", ["href": links.post(post.link), "rel": "bookmark"], text: (post.isPasswordProtected ? "Protected: " : "") + (title.isEmpty ? "Untitled" : title))
                }
                try html.element("p", ["class": "entry-meta"]) {
                    try ArchiveLayout.time(post.date, in: html)
                    if !post.authorLogin.isEmpty {
                        try html.text(" by ")
                        try html.element("a", ["href": links.listing(.author(post.authorLogin)), "rel": "author"], text: ArchiveText.plain(post.authorName))
                    }
                    try html.text(" · ")
                    try html.element("a", ["href": links.post(post.link) + "#comments"], text: ArchiveLayout.count(post.commentCount, "comment", "comments"))
                    try html.text(" · ")
                    try html.element("a", ["href": links.post(post.link) + "#pings"], text: ArchiveLayout.count(post.pingCount, "ping", "pings"))
                }
            }
            try html.element("div", ["class": "excerpt"]) {
                if post.isPasswordProtected {
                    try html.element("p", text: "There is no excerpt because this is a protected post.")
                } else {
                    try html.markup(ParagraphFormatting.wordPress(ArchiveText.excerpt(post)))
                }
            }
        }
    }

    private func pagination(_ html: HTMLWriter) throws {
        try html.element("nav", ["class": "pagination", "aria-label": "Pages"]) {
            if posts.page > 1 {
                try html.element("a", ["rel": "prev", "href": links.listing(filter, path: path, page: posts.page - 1)], text: "Newer posts")
                try html.text(" ")
            }
            try html.element("span", text: "Page \(posts.page) of \(posts.pageCount)")
            if posts.page < posts.pageCount {
                try html.text(" ")
                try html.element("a", ["rel": "next", "href": links.listing(filter, path: path, page: posts.page + 1)], text: "Older posts")
            }
        }
    }
}
