import TrackwayCore

extension WXRParser {
    /// Reads the channel: header fields, authors, terms, then items; unknown children are kept.
    func parseChannel() throws {
        try forEachChild { namespace, name in
            switch (namespace, name) {
            case (.rss, "item"):
                try emitHeader()
                try parseItem()
            case (.rss, "title"): try updateSite { $0.title = try text() }
            case (.rss, "link"): try updateSite { $0.link = try text() }
            case (.rss, "description"): try updateSite { $0.description = try text() }
            case (.rss, "pubDate"): try updateSite { $0.pubDate = try text() }
            case (.rss, "language"): try updateSite { $0.language = try text() }
            case (.rss, "generator"): try updateSite { $0.generator = try text() }
            case (.wordPress, "wxr_version"):
                versionLine = xml.nodeLine
                try updateSite { $0.wxrVersion = try text().trimmingWhitespace() }
            case (.wordPress, "base_site_url"): try updateSite { $0.baseSiteURL = try text().trimmingWhitespace() }
            case (.wordPress, "base_blog_url"): try updateSite { $0.baseBlogURL = try text().trimmingWhitespace() }
            case (.wordPress, "author"): try declare(try parseAuthor())
            case (.wordPress, "category"): try declare(try parseCategory())
            case (.wordPress, "tag"): try declare(try parseTag())
            case (.wordPress, "term"): try declare(try parseTerm())
            default:
                let markup = try verbatim()
                try updateSite { $0.unknownElements.append(markup) }
            }
        }
        try emitHeader()
        if siteChangedAfterEmit {
            try emit(.site(site))
        }
    }

    /// Emits the site, then the authors and terms declared before the first item, once.
    func emitHeader() throws {
        guard !headerEmitted else { return }
        headerEmitted = true
        checkVersion()
        let identity = site.baseBlogURL.isEmpty ? (site.link.isEmpty ? options.fileName : site.link) : site.baseBlogURL
        site.sourceKey = options.siteKey ?? "wxr:" + identity
        try emit(.site(site))
        for author in pendingAuthors { try emit(.author(author)) }
        pendingAuthors = []
        for term in terms.terms { try emit(.term(term)) }
    }

    private func updateSite(_ change: (inout Site) throws -> Void) throws {
        try change(&site)
        if headerEmitted { siteChangedAfterEmit = true }
    }

    private func checkVersion() {
        let version = site.wxrVersion
        let message: String
        if version.isEmpty {
            message = "no wp:wxr_version; read as WXR 1.2"
        } else if let match = version.wholeMatch(of: /(\d+)\.(\d+)/) {
            guard let major = Int(match.1), let minor = Int(match.2), major > 1 || (major == 1 && minor > 2) else { return }
            message = "WXR version \(version) is newer than 1.2; elements this reader does not know are kept verbatim"
        } else {
            message = "invalid wp:wxr_version '\(version)'; read as WXR 1.2"
        }
        warn(ImportWarning(file: options.fileName, line: versionLine, message: message))
    }

    private func declare(_ author: Author) throws {
        guard knownAuthors.insert(author.login).inserted else { return }
        if headerEmitted {
            try emit(.author(author))
        } else {
            pendingAuthors.append(author)
        }
    }

    private func declare(_ term: Term) throws {
        let (merged, changed) = terms.merge(term)
        if headerEmitted && changed { try emit(.term(merged)) }
    }

    private func parseAuthor() throws -> Author {
        var author = Author(login: "")
        try forEachChild { namespace, name in
            guard namespace == .wordPress else { return try xml.skipSubtree() }
            switch name {
            case "author_id": author.sourceID = Int(try text().trimmingWhitespace())
            case "author_login": author.login = try text()
            case "author_email": author.email = try text()
            case "author_display_name": author.displayName = try text()
            case "author_first_name": author.firstName = try text()
            case "author_last_name": author.lastName = try text()
            default: try xml.skipSubtree()
            }
        }
        return author
    }

    private func parseCategory() throws -> Term {
        var term = Term(taxonomy: "category", slug: "")
        try forEachChild { namespace, name in
            guard namespace == .wordPress else { return try xml.skipSubtree() }
            switch name {
            case "term_id": term.sourceID = Int(try text().trimmingWhitespace())
            case "category_nicename": term.slug = try text()
            case "category_parent": term.parentSlug = try text()
            case "cat_name": term.name = try text()
            case "category_description": term.description = try text()
            case "termmeta": term.meta.append(try metaEntry())
            default: try xml.skipSubtree()
            }
        }
        return term
    }

    private func parseTag() throws -> Term {
        var term = Term(taxonomy: "post_tag", slug: "")
        try forEachChild { namespace, name in
            guard namespace == .wordPress else { return try xml.skipSubtree() }
            switch name {
            case "term_id": term.sourceID = Int(try text().trimmingWhitespace())
            case "tag_slug": term.slug = try text()
            case "tag_name": term.name = try text()
            case "tag_description": term.description = try text()
            case "termmeta": term.meta.append(try metaEntry())
            default: try xml.skipSubtree()
            }
        }
        return term
    }

    private func parseTerm() throws -> Term {
        var term = Term(taxonomy: "", slug: "")
        try forEachChild { namespace, name in
            guard namespace == .wordPress else { return try xml.skipSubtree() }
            switch name {
            case "term_id": term.sourceID = Int(try text().trimmingWhitespace())
            case "term_taxonomy": term.taxonomy = try text()
            case "term_slug": term.slug = try text()
            case "term_parent": term.parentSlug = try text()
            case "term_name": term.name = try text()
            case "term_description": term.description = try text()
            case "termmeta": term.meta.append(try metaEntry())
            default: try xml.skipSubtree()
            }
        }
        return term
    }

    /// Emits an author for a `dc:creator` login no `wp:author` declared (WXR 1.0 has none).
    func declareCreator(_ login: String) throws {
        guard !login.isEmpty else { return }
        try declare(Author(login: login))
    }
}
