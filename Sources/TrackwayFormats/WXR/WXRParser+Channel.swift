import TrackwayCore

extension WXRParser {
    /// Reads the channel: header fields, authors, terms, then items; unknown children are kept.
    func parseChannel() throws {
        try forEachChild { element in
            switch element {
            case .item:
                try emitHeader()
                try parseItem()
            case .title: try updateSite { $0.title = try text() }
            case .link: try updateSite { $0.link = try text() }
            case .description: try updateSite { $0.description = try text() }
            case .pubDate: try updateSite { $0.pubDate = try text() }
            case .language: try updateSite { $0.language = try text() }
            case .generator: try updateSite { $0.generator = try text() }
            case .wxrVersion:
                versionLine = xml.nodeLine
                try updateSite { $0.wxrVersion = try text().trimmingWhitespace() }
            case .baseSiteURL: try updateSite { $0.baseSiteURL = try text().trimmingWhitespace() }
            case .baseBlogURL: try updateSite { $0.baseBlogURL = try text().trimmingWhitespace() }
            case .author: try declare(try parseAuthor())
            case .wordPressCategory: try declare(try parseCategory())
            case .tag: try declare(try parseTag())
            case .term: try declare(try parseTerm())
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
        try forEachChild { element in
            switch element {
            case .authorID: author.sourceID = Int(try text().trimmingWhitespace())
            case .authorLogin: author.login = try text()
            case .authorEmail: author.email = try text()
            case .authorDisplayName: author.displayName = try text()
            case .authorFirstName: author.firstName = try text()
            case .authorLastName: author.lastName = try text()
            default: try xml.skipSubtree()
            }
        }
        return author
    }

    private func parseCategory() throws -> Term {
        var term = Term(taxonomy: "category", slug: "")
        try forEachChild { element in
            switch element {
            case .termID: term.sourceID = Int(try text().trimmingWhitespace())
            case .categoryNicename: term.slug = try text()
            case .categoryParent: term.parentSlug = try text()
            case .categoryName: term.name = try text()
            case .categoryDescription: term.description = try text()
            case .termMeta: term.meta.append(try metaEntry())
            default: try xml.skipSubtree()
            }
        }
        return term
    }

    private func parseTag() throws -> Term {
        var term = Term(taxonomy: "post_tag", slug: "")
        try forEachChild { element in
            switch element {
            case .termID: term.sourceID = Int(try text().trimmingWhitespace())
            case .tagSlug: term.slug = try text()
            case .tagName: term.name = try text()
            case .tagDescription: term.description = try text()
            case .termMeta: term.meta.append(try metaEntry())
            default: try xml.skipSubtree()
            }
        }
        return term
    }

    private func parseTerm() throws -> Term {
        var term = Term(taxonomy: "", slug: "")
        try forEachChild { element in
            switch element {
            case .termID: term.sourceID = Int(try text().trimmingWhitespace())
            case .termTaxonomy: term.taxonomy = try text()
            case .termSlug: term.slug = try text()
            case .termParent: term.parentSlug = try text()
            case .termName: term.name = try text()
            case .termDescription: term.description = try text()
            case .termMeta: term.meta.append(try metaEntry())
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
