import TrackwayCore
import TrackwayStore

/// The queue: the status views with their counts, the filters, and a page of pings as a table
/// inside the bulk form, each row with its own action buttons. What strangers wrote is shown as
/// on the archive pages: titles as text, excerpts through `ArchiveText.strangerHTML`.
struct ConsoleQueuePage {
    let view: ConsoleView
    let listing: ConsoleQueueListing
    let sites: [ConsoleSite]
    let csrf: String
    var notice: ConsoleNotice?
    /// Builds the archive address of a ping's post.
    let links: ArchiveLinks

    func html() throws -> [UInt8] {
        try ConsoleLayout(csrf: csrf, notice: notice).render(title: "Pings") { html in
            try views(html)
            try filters(html)
            try emptyForms(html)
            if listing.rows.isEmpty {
                try html.element("p", ["id": "empty"], text: "No pings here.")
            } else {
                try bulkForm(html)
                try pagination(html)
            }
        }
    }

    private func views(_ html: HTMLWriter) throws {
        try html.element("nav", ["id": "views", "aria-label": "Status"]) {
            for (value, status, label) in ConsoleView.statuses {
                let count = status.map { listing.counts[$0] ?? 0 } ?? listing.total
                try html.element("a", [
                    "href": view.address(status: status), "data-status": value, "aria-current": view.statusValue == value ? "page" : nil,
                ]) {
                    try html.text(label + " ")
                    try html.element("span", ["class": "count"], text: String(count))
                }
            }
        }
    }

    private func filters(_ html: HTMLWriter) throws {
        try html.element("form", ["id": "filters", "method": "get", "action": ConsoleView.path]) {
            try html.element("input", ["type": "hidden", "name": "status", "value": view.statusValue])
            try html.element("label") {
                try html.text("Kind ")
                try html.element("select", ["name": "kind"]) {
                    try option(html, "", "All kinds", selected: view.kind == nil)
                    for kind in ConsoleView.kinds { try option(html, kind.rawValue, Self.kindName(kind), selected: view.kind == kind) }
                }
            }
            try html.element("label") {
                try html.text("Site ")
                try html.element("select", ["name": "site"]) {
                    try option(html, "", "All sites", selected: view.site == nil)
                    for site in sites { try option(html, String(site.id), ArchiveText.plain(site.title), selected: view.site == site.id) }
                }
            }
            try html.element("label") {
                try html.text("Search ")
                try html.element("input", ["type": "search", "name": "q", "value": view.search])
            }
            try html.element("button", ["type": "submit", "id": "filter-submit"], text: "Filter")
        }
    }

    private func option(_ html: HTMLWriter, _ value: String, _ label: String, selected: Bool) throws {
        try html.element("option", ["value": value, "selected": selected ? "selected" : nil], text: label)
    }

    /// "Empty spam" in the spam view, "Empty trash" in the trash view, both in "all".
    private func emptyForms(_ html: HTMLWriter) throws {
        let offered: [ConsoleAction] = switch view.status {
        case .spam: [.emptySpam]
        case .trash: [.emptyTrash]
        case nil: [.emptySpam, .emptyTrash]
        default: []
        }
        guard !offered.isEmpty else { return }
        try html.element("form", ["class": "empty", "method": "post", "action": ConsoleLayout.actionsPath]) {
            try hiddenFields(html)
            for action in offered {
                try html.element("button", ["type": "submit", "name": "action", "value": action.rawValue, "id": action.rawValue], text: action.label)
            }
        }
    }

    private func hiddenFields(_ html: HTMLWriter) throws {
        try ConsoleLayout.csrfField(html, csrf)
        try html.element("input", ["type": "hidden", "name": "return", "value": view.address()])
    }

    private func bulkForm(_ html: HTMLWriter) throws {
        try html.element("form", ["id": "bulk", "method": "post", "action": ConsoleLayout.actionsPath]) {
            try hiddenFields(html)
            try html.element("p", ["class": "bulk-bar"]) {
                try html.element("label", ["for": "bulk-action"], text: "With the selected: ")
                try html.element("select", ["name": "action", "id": "bulk-action"]) {
                    try option(html, "", "Bulk actions", selected: false)
                    for action in ConsoleAction.onSelection { try option(html, action.rawValue, action.label, selected: false) }
                }
                try html.element("button", ["type": "submit", "id": "bulk-apply"], text: "Apply")
            }
            try html.element("table", ["id": "queue"]) {
                try html.element("thead") {
                    try html.element("tr") {
                        for heading in ["", "Ping", "Post", "From", "Check"] { try html.element("th", ["scope": "col"], text: heading) }
                    }
                }
                try html.element("tbody") {
                    for row in listing.rows { try self.row(row, html) }
                }
            }
        }
    }

    private func row(_ row: ConsolePing, _ html: HTMLWriter) throws {
        let ping = row.ping
        let id = String(ping.id)
        let shown = ArchivePing(
            id: ping.id, kind: ping.kind, sourceURL: ping.sourceURL, sourceTitle: ping.sourceTitle, blogName: ping.blogName,
            author: row.author, excerpt: ping.content, date: ArchiveDate(utc: row.receivedAt, local: "")
        ).display
        let title = ArchiveText.plain(shown.title)
        try html.element("tr", ["class": "ping", "data-id": id, "data-kind": ping.kind.rawValue, "data-status": ping.status.rawValue]) {
            try html.element("td") {
                try html.element("input", ["type": "checkbox", "name": "ids", "value": id, "aria-label": "Select ping \(id)"])
            }
            try html.element("td") {
                try html.element("span", ["class": "kind"], text: Self.kindName(ping.kind))
                try html.text(" ")
                if let url = HTMLText.webAddress(ping.sourceURL) {
                    try html.element("a", ["class": "source", "href": url, "rel": "nofollow noreferrer"], text: title.isEmpty ? url : title)
                } else {
                    try html.element("span", ["class": "source"], text: title.isEmpty ? ping.sourceURL : title)
                }
                let blog = ArchiveText.plain(shown.blogName)
                if !blog.isEmpty { try html.element("span", ["class": "blog"], text: " from " + blog) }
                try html.element("div", ["class": "excerpt"]) { try html.markup(ArchiveText.strangerHTML(shown.excerpt)) }
                try html.element("div", ["class": "row-actions"]) {
                    for action in ConsoleAction.rowActions(for: ping.status) {
                        try html.element("button", ["type": "submit", "name": "one", "value": "\(action.rawValue):\(id)", "class": "row-action"], text: action.label)
                    }
                }
            }
            try html.element("td") {
                try html.element("a", ["class": "target", "href": links.post(row.postLink)], text: Self.postTitle(ping))
                try html.text(" ")
                try html.element("span", ["class": "pending-count", "title": "pings pending on this post"], text: String(row.postPendingCount))
            }
            try html.element("td") {
                try html.element("span", ["class": "ip"], text: ping.authorIP)
                try html.element("br")
                try html.element("time", ["datetime": ArchiveDate(utc: row.receivedAt, local: "").iso8601], text: Self.received(row.receivedAt))
            }
            try html.element("td") {
                try html.element("span", ["class": "verification"], text: Self.verification(row))
                try html.element("br")
                try html.element("span", ["class": "rule"], text: Self.rule(ping))
            }
        }
    }

    private func pagination(_ html: HTMLWriter) throws {
        guard view.page > 1 || listing.hasNextPage else { return }
        try html.element("nav", ["id": "pages", "aria-label": "Pages"]) {
            if view.page > 1 { try html.element("a", ["rel": "prev", "href": view.address(page: view.page - 1)], text: "\u{2190} Newer") }
            try html.element("span", text: " Page \(view.page) ")
            if listing.hasNextPage { try html.element("a", ["rel": "next", "href": view.address(page: view.page + 1)], text: "Older \u{2192}") }
        }
    }

    static func kindName(_ kind: CommentKind) -> String {
        switch kind {
        case .trackback: "Trackback"
        case .pingback: "Pingback"
        case .webmention: "Webmention"
        case .comment: "Comment"
        case .other: "Other"
        }
    }

    private static func postTitle(_ ping: Ping) -> String {
        let title = ArchiveText.plain(ping.postTitle)
        return title.isEmpty ? "Post \(ping.postID)" : title
    }

    /// `2026-03-16 09:30 UTC` from the stored UTC text.
    private static func received(_ utc: String) -> String {
        utc.utf8.count >= 16 ? String(utc.prefix(16)) + " UTC" : utc
    }

    /// The check's outcome and why: linked back, no link, fetch failed with the error, not checked.
    private static func verification(_ row: ConsolePing) -> String {
        switch row.ping.verification {
        case .verified: "linked back"
        case .failed: "no link"
        case .queued: row.verificationError.isEmpty ? "not checked" : "fetch failed: " + row.verificationError
        case .unchecked: "not checked"
        }
    }

    /// The rule that decided the ping, with what it matched (`disallowed-keys: casino`).
    private static func rule(_ ping: Ping) -> String {
        ping.spamRule.isEmpty || ping.spamRuleMatch.isEmpty ? ping.spamRule : ping.spamRule + ": " + ping.spamRuleMatch
    }
}
