import TrackwayStore

/// The frame every archive page shares: the document head (language, title, the one
/// stylesheet, discovery links), the site's header with its navigation and search form, the
/// page's `main`, and a footer. Readable without the stylesheet: headings, lists and plain links.
struct ArchiveLayout {
    /// The site the page belongs to; nil for the list of sites.
    let site: ArchiveSite?
    let links: ArchiveLinks
    /// Markup for the head (discovery `<link>`s) and for the end of the body (the TrackBack RDF).
    var headMarkup = ""
    var endMarkup = ""
    /// The text already in the search box.
    var search = ""

    func render(title: String, main: (HTMLWriter) throws -> Void) throws -> [UInt8] {
        try HTMLWriter.page { html in
            try html.element("html", ["lang": site.map { $0.language.isEmpty ? "en" : $0.language } ?? "en"]) {
                try html.element("head") {
                    try html.element("meta", ["charset": "utf-8"])
                    try html.element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                    try html.element("title", text: title)
                    try html.element("link", ["rel": "stylesheet", "href": links.stylesheet])
                    try feedLinks(html)
                    try html.markup(headMarkup)
                }
                try html.element("body") {
                    try header(html)
                    try html.element("main", ["id": "main"]) { try main(html) }
                    try html.element("footer", ["class": "site-footer"]) {
                        try html.element("p", text: "An archive kept by Trackway.")
                    }
                    try html.markup(endMarkup)
                }
            }
        }
    }

    /// The `rel="alternate"` links feed readers discover a site's feeds by, titled as WordPress
    /// titles them (`Site » Feed`).
    private func feedLinks(_ html: HTMLWriter) throws {
        guard let site else { return }
        let title = ArchiveText.siteTitle(site)
        let feeds = links.feeds(of: site.format)
        try html.element("link", ["rel": "alternate", "type": "application/rss+xml", "title": "\(title) \u{BB} Feed", "href": feeds.posts])
        if let comments = feeds.comments {
            try html.element("link", ["rel": "alternate", "type": "application/rss+xml", "title": "\(title) \u{BB} Comments Feed", "href": comments])
        }
    }

    private func header(_ html: HTMLWriter) throws {
        try html.element("header", ["class": "site-header"]) {
            guard let site else {
                try html.element("p", ["class": "site-title"], text: "Trackway")
                return
            }
            try html.element("p", ["class": "site-title"]) {
                try html.element("a", ["href": links.home, "rel": "home"], text: ArchiveText.siteTitle(site))
            }
            if !site.description.isEmpty {
                try html.element("p", ["class": "site-description"], text: ArchiveText.plain(site.description))
            }
            try html.element("nav", ["aria-label": "Site"]) {
                try html.element("a", ["href": links.home], text: "Home")
                try html.element("form", ["role": "search", "method": "get", "action": links.searchAction]) {
                    try html.element("label") {
                        try html.text("Search ")
                        try html.element("input", ["type": "search", "name": "s", "value": search])
                    }
                    if let id = links.site { try html.element("input", ["type": "hidden", "name": "site", "value": String(id)]) }
                    try html.element("button", ["type": "submit"], text: "Search")
                }
            }
        }
    }

    /// `<time datetime="…">March 16, 2026</time>` (WordPress's default date format), from the
    /// UTC time when known.
    static func time(_ date: ArchiveDate, in html: HTMLWriter) throws {
        try html.element("time", ["datetime": date.iso8601 ?? (date.local.isEmpty ? nil : String(date.local.prefix(10)))], text: displayDate(date))
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// `March 16, 2026` from the local date text (UTC when there is none).
    static func displayDate(_ date: ArchiveDate) -> String {
        let text = date.local.isEmpty ? date.utc : date.local
        let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return text }
        return "\(monthNames[parts[1] - 1]) \(parts[2]), \(parts[0])"
    }

    /// `March 2026`.
    static func monthName(_ month: Int, _ year: Int) -> String {
        "\(monthNames[max(1, min(12, month)) - 1]) \(year)"
    }

    /// `1 comment`, `3 comments`.
    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
