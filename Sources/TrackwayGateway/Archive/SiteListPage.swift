import TrackwayStore

/// The page `/` answers on a host that names no site when the database holds several: each
/// site with its description and a link to its archive on this server.
struct SiteListPage {
    let sites: [ArchiveSite]
    /// Links with no site chosen; each site's link adds its own.
    let base: String

    func html() throws -> [UInt8] {
        try ArchiveLayout(site: nil, links: ArchiveLinks(base: base, site: nil)).render(title: "Archived sites") { html in
            try html.element("h1", text: "Archived sites")
            if sites.isEmpty { try html.element("p", text: "No site has been imported yet.") }
            try html.element("ul", ["class": "site-list"]) {
                for site in sites {
                    try html.element("li") {
                        let title = ArchiveText.siteTitle(site)
                        try html.element("a", ["href": ArchiveLinks(base: base, site: site.id).home], text: title)
                        if !site.description.isEmpty { try html.text(" – " + ArchiveText.plain(site.description)) }
                        if let host = site.host, host != title { try html.text(" (\(host))") }
                    }
                }
            }
        }
    }
}
