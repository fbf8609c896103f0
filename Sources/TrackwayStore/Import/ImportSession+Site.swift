import TrackwayCore

extension ImportSession {
    /// Starts writing `newSite`: later authors, terms and posts belong to it.
    func write(_ newSite: Site) throws {
        guard !newSite.sourceKey.isEmpty else {
            site = nil
            summary.skip(.site, item: "", reason: "site has no source key; its records are skipped too")
            return
        }
        let sql = try statements()
        let hash = hasher.hash(newSite).hex
        let stored = try sql.findSite.firstRow(newSite.sourceKey)
        var siteID = stored?.int(0)
        if let stored, let siteID, stored.string(2).hasPrefix(Site.movableTypeBackupGenerator),
           newSite.format == .movableType, !newSite.isFromMovableTypeBackup {
            // MT's text export of a blog imported from its backup: the backup's site stays.
            summary.sites.unchanged += 1
            let state = SiteImportState(id: siteID, sourceKey: newSite.sourceKey, isNew: false)
            state.keepsStoredRecords = true
            state.matchesMovableTypeEntries = true
            site = state
            importedSites[newSite.sourceKey] = state
            return
        }
        if let stored, stored.string(1) == hash {
            summary.sites.unchanged += 1
        } else if let siteID {
            if !dryRun {
                try sql.updateSite.run { parameters in
                    try parameters.append(columnsOf: newSite, includingKeys: false)
                    try parameters.append(hash, siteID)
                }
                try sql.deleteSiteExtras.run(siteID)
                try insertExtras(newSite.unknownElements, siteID: siteID)
            }
            summary.sites.updated += 1
        } else {
            if !dryRun {
                try sql.insertSite.run { parameters in
                    try parameters.append(columnsOf: newSite, includingKeys: true)
                    try parameters.append(hash)
                }
                siteID = Int(database.lastInsertRowID)
                if let siteID { try insertExtras(newSite.unknownElements, siteID: siteID) }
            }
            summary.sites.added += 1
        }
        let state = SiteImportState(id: siteID, sourceKey: newSite.sourceKey, isNew: stored == nil)
        state.matchesMovableTypeEntries = newSite.format == .movableType
        state.removesVanishedComments = stored != nil && !dryRun && newSite.isFromMovableTypeBackup
        site = state
        importedSites[newSite.sourceKey] = state
    }

    /// Makes the site written earlier in this session under `sourceKey` current again.
    func resumeSite(_ sourceKey: String) throws {
        guard let state = importedSites[sourceKey] else {
            throw StoreError.invalid("site \(sourceKey) resumed before this import wrote it")
        }
        site = state
    }

    private func insertExtras(_ elements: [String], siteID: Int) throws {
        let insert = try statements().insertSiteExtra
        for (seq, xml) in elements.enumerated() { try insert.run(siteID, seq, xml) }
    }

    func write(_ author: Author) throws {
        guard let current = site else {
            summary.skip(.author, item: author.login, reason: "author comes before any site record")
            return
        }
        guard !author.login.isEmpty else {
            summary.skip(.author, item: author.sourceID.map(String.init) ?? "", reason: "author has no login")
            return
        }
        guard current.declaredAuthors.insert(author.login).inserted else {
            summary.skip(.author, item: author.login, reason: "author declared twice in this import; kept the first")
            return
        }
        // A post may have named this login before its declaration, leaving an undeclared row.
        let firstMention = current.knownAuthors.insert(author.login).inserted
        let mayBeStored = !current.isNew || !firstMention
        let seq = current.nextAuthorSeq
        current.nextAuthorSeq += 1
        guard let siteID = current.id else {
            // Dry run of a new site: a login a post already named counts as an update, as it would.
            if firstMention { summary.authors.added += 1 } else { summary.authors.updated += 1 }
            return
        }
        let sql = try statements()
        let hash = hasher.hash(author).hex
        let found = !mayBeStored ? nil : try sql.findAuthor.firstRow(siteID, author.login)
        if found != nil && current.keepsStoredRecords {
            summary.authors.unchanged += 1
            return
        }
        guard let stored = found else {
            if !dryRun {
                try sql.insertAuthor.run { parameters in
                    try parameters.append(siteID)
                    try parameters.append(columnsOf: author, includingKeys: true)
                    try parameters.append(seq, hash)
                }
            }
            summary.authors.added += 1
            return
        }
        if stored.string(1) == hash {
            if stored.int(2) != seq && !dryRun { try sql.updateAuthorSeq.run(seq, stored.int(0)) }
            summary.authors.unchanged += 1
        } else {
            if !dryRun {
                try sql.updateAuthor.run { parameters in
                    try parameters.append(columnsOf: author, includingKeys: false)
                    try parameters.append(seq, hash, stored.int(0))
                }
            }
            summary.authors.updated += 1
        }
    }

    func write(_ term: Term) throws {
        let name = "\(term.taxonomy)/\(term.slug)"
        guard let current = site else {
            summary.skip(.term, item: name, reason: "term comes before any site record")
            return
        }
        guard !term.taxonomy.isEmpty && !term.slug.isEmpty else {
            summary.skip(.term, item: name, reason: "term has no taxonomy or no slug")
            return
        }
        let key = TermKey(taxonomy: term.taxonomy, slug: term.slug)
        guard current.declaredTerms.insert(key).inserted else {
            summary.skip(.term, item: name, reason: "term declared twice in this import; kept the first")
            return
        }
        // A post may have used this term before its declaration, leaving an undeclared row.
        let firstMention = current.knownTerms.insert(key).inserted
        let mayBeStored = !current.isNew || !firstMention
        let seq = current.nextTermSeq
        current.nextTermSeq += 1
        guard let siteID = current.id else {
            if firstMention { summary.terms.added += 1 } else { summary.terms.updated += 1 }
            return
        }
        let sql = try statements()
        let hash = hasher.hash(term).hex
        let stored = !mayBeStored ? nil : try sql.findTerm.firstRow(siteID, term.taxonomy, term.slug)
        if let stored, stored.string(1) == hash || current.keepsStoredRecords {
            if stored.int(2) != seq && !dryRun && !current.keepsStoredRecords { try sql.updateTermSeq.run(seq, stored.int(0)) }
            summary.terms.unchanged += 1
            return
        }
        if !dryRun {
            let termID: Int
            if let stored {
                termID = stored.int(0)
                try sql.updateTerm.run { parameters in
                    try parameters.append(columnsOf: term, includingKeys: false)
                    try parameters.append(seq, hash, termID)
                }
                try sql.deleteTermMeta.run(termID)
            } else {
                try sql.insertTerm.run { parameters in
                    try parameters.append(siteID)
                    try parameters.append(columnsOf: term, includingKeys: true)
                    try parameters.append(seq, hash)
                }
                termID = Int(database.lastInsertRowID)
            }
            for (metaSeq, entry) in term.meta.enumerated() {
                try sql.insertTermMeta.run(termID, metaSeq, entry.key, entry.value)
            }
        }
        if stored == nil { summary.terms.added += 1 } else { summary.terms.updated += 1 }
    }

    /// Makes sure a term a post mentions has a row (declared or not), so stats count it.
    func ensureTerm(_ term: PostTerm, in current: SiteImportState, siteID: Int?) throws {
        let key = TermKey(taxonomy: term.taxonomy, slug: term.slug)
        guard !term.taxonomy.isEmpty, !term.slug.isEmpty, current.knownTerms.insert(key).inserted else { return }
        guard let siteID else {
            summary.terms.added += 1
            return
        }
        let sql = try statements()
        if dryRun {
            if try sql.findTerm.firstRow(siteID, term.taxonomy, term.slug) == nil { summary.terms.added += 1 }
            return
        }
        try sql.insertUndeclaredTerm.run(siteID, term.taxonomy, term.slug, term.name)
        if database.changes > 0 { summary.terms.added += 1 }
    }

    /// Makes sure a post's author has a row, for exports that name authors only in posts.
    func ensureAuthor(_ login: String, in current: SiteImportState, siteID: Int?) throws {
        guard !login.isEmpty, current.knownAuthors.insert(login).inserted else { return }
        guard let siteID else {
            summary.authors.added += 1
            return
        }
        let sql = try statements()
        if dryRun {
            if try sql.findAuthorLogin.firstRow(siteID, login) == nil { summary.authors.added += 1 }
            return
        }
        try sql.insertUndeclaredAuthor.run(siteID, login)
        if database.changes > 0 { summary.authors.added += 1 }
    }
}
